package com.acme.shop.auth.registration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.AccountStatus;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.account.PasswordPolicy;
import com.acme.shop.auth.token.RefreshTokenStore;
import com.acme.shop.auth.registration.MemberClient.MemberUnavailableException;
import com.acme.shop.auth.registration.MemberClient.Outcome;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AdminBootstrapTest {

    private final AccountRepository accounts = mock(AccountRepository.class);

    private final MemberClient members = mock(MemberClient.class);

    private final PasswordHasher hasher = new PasswordHasher(4);

    private final RefreshTokenStore refreshTokens = mock(RefreshTokenStore.class);

    @Test
    void createsTheAdministratorWithBothRolesAndRetriesItsProfileUntilMemberAnswers() {
        ArgumentCaptor<Account> inserted = ArgumentCaptor.forClass(Account.class);
        Account stored = new Account(UUID.randomUUID(), "root@shop.local", "hash", List.of("USER", "ADMIN"),
                AccountStatus.ACTIVE);
        when(accounts.findByEmail("root@shop.local")).thenReturn(Mono.empty(), Mono.just(stored));
        when(accounts.insertIfAbsent(inserted.capture())).thenReturn(Mono.just(true));
        AtomicInteger attempts = new AtomicInteger();
        when(members.create(any(), anyString(), anyString())).thenReturn(Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new MemberUnavailableException("down")) : Mono.just(Outcome.CREATED)));

        AdminBootstrap bootstrap = bootstrap(new AdminProperties(" Root@Shop.local ", "admin passphrase here", null),
                false);
        bootstrap.afterSingletonsInstantiated();

        assertThat(inserted.getValue().email()).isEqualTo("root@shop.local");
        assertThat(inserted.getValue().roles()).containsExactly("USER", "ADMIN");
        assertThat(hasher.matches("admin passphrase here", inserted.getValue().passwordHash()).block()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        verify(members, org.mockito.Mockito.atLeastOnce()).create(stored.id(), "root@shop.local", "Administrator");
        bootstrap.destroy();
    }

    @Test
    void createsNoAdministratorWithoutAPassword() {
        bootstrap(new AdminProperties("root@shop.local", "", null), true).afterSingletonsInstantiated();
        verify(accounts, never()).insertIfAbsent(any());
        verify(members, never()).create(any(), anyString(), anyString());
    }

    @Test
    void theProdProfileRefusesTheLocalDefaultPasswordNamingTheVariable() {
        AdminBootstrap bootstrap = bootstrap(new AdminProperties("root@shop.local", "admin-password-local", null),
                true);

        assertThatThrownBy(bootstrap::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ADMIN_PASSWORD")
            .hasMessageContaining("admin-password-local");
        verify(accounts, never()).findByEmail(anyString());
    }

    @Test
    void theProdProfileRefusesAnAdminPasswordThatFailsThePolicy() {
        for (String weak : new String[] { "short", "password1234567890" }) {
            AdminBootstrap bootstrap = bootstrap(new AdminProperties("root@shop.local", weak, null), true);
            assertThatThrownBy(bootstrap::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ADMIN_PASSWORD fails the password policy");
        }
        verify(accounts, never()).insertIfAbsent(any());
    }

    @Test
    void theLocalRunKeepsItsDefaultPassword() {
        Account stored = new Account(UUID.randomUUID(), "root@shop.local", "hash", List.of("USER", "ADMIN"),
                AccountStatus.ACTIVE);
        when(accounts.findByEmail("root@shop.local")).thenReturn(Mono.just(stored));
        when(members.create(any(), anyString(), anyString())).thenReturn(Mono.just(Outcome.CREATED));

        bootstrap(new AdminProperties("root@shop.local", "admin-password-local", null), false)
            .afterSingletonsInstantiated();

        verify(members, org.mockito.Mockito.timeout(5000)).create(stored.id(), "root@shop.local", "Administrator");
    }

    @Test
    void refusesToStartWhenAdminEmailBelongsToAnAccountWithoutTheAdminRole() {
        Account registered = new Account(UUID.randomUUID(), "root@shop.local", "hash", List.of("USER"),
                AccountStatus.ACTIVE);
        when(accounts.findByEmail("root@shop.local")).thenReturn(Mono.just(registered));

        AdminBootstrap bootstrap = bootstrap(new AdminProperties("root@shop.local", "admin passphrase here", null),
                false);

        assertThatThrownBy(bootstrap::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ADMIN_EMAIL=root@shop.local")
            .hasMessageContaining("ADMIN_TAKE_OVER=true");
        verify(members, never()).create(any(), anyString(), anyString());
    }

    private AdminBootstrap bootstrap(AdminProperties properties, boolean production) {
        return new AdminBootstrap(properties, accounts, hasher, PasswordPolicy.withBundledList(15, 128), refreshTokens,
                production, members, Duration.ofMillis(10));
    }

}
