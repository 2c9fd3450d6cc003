package com.acme.shop.auth.registration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.account.PasswordPolicy;
import com.acme.shop.auth.token.RefreshTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADMIN_EMAIL already registered by someone: refuse to start, or (ADMIN_TAKE_OVER=true)
 * take the account over.
 */
class AdminTakeOverIT extends AuthItSupport {

    private static final String ADMIN_PASSPHRASE = "granite lighthouse keeps the harbour";

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordHasher hasher;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    RefreshTokenStore refreshTokens;

    @Autowired
    MemberClient members;

    private AdminBootstrap bootstrap(String email, boolean takeOver) {
        return new AdminBootstrap(new AdminProperties(email, ADMIN_PASSPHRASE, null, takeOver), accounts, hasher,
                policy, refreshTokens, false, members, Duration.ofMillis(50));
    }

    @Test
    void anAdministratorWithAnOldPlainBcryptHashOfAdminPasswordIsRehashedAtStartup(@Autowired DatabaseClient db) {
        String current = uniqueEmail();
        String changedSince = uniqueEmail();
        String legacy = new BCryptPasswordEncoder(4).encode(ADMIN_PASSPHRASE);
        String otherLegacy = new BCryptPasswordEncoder(4).encode("a password the admin chose later");
        for (String[] row : new String[][] { { current, legacy }, { changedSince, otherLegacy } }) {
            db.sql("INSERT INTO auth.accounts (id, email, password_hash, roles, status) "
                    + "VALUES (:id, :email, :hash, ARRAY['USER','ADMIN'], 'ACTIVE')")
                .bind("id", UUID.randomUUID())
                .bind("email", row[0])
                .bind("hash", row[1])
                .fetch()
                .rowsUpdated()
                .block();
        }

        for (String email : new String[] { current, changedSince }) {
            AdminBootstrap bootstrap = bootstrap(email, false);
            bootstrap.afterSingletonsInstantiated();
            bootstrap.destroy();
        }

        assertThat(accounts.findByEmail(current).block().passwordHash()).startsWith("{hmac-sha384-bcrypt}");
        login(current, ADMIN_PASSPHRASE).expectStatus().isOk();
        assertThat(accounts.findByEmail(changedSince).block().passwordHash()).isEqualTo(otherLegacy);
    }

    @Test
    void anAccountRegisteredWithTheAdminEmailIsNeitherPromotedNorTouchedByDefault() {
        String email = uniqueEmail();
        Map<String, Object> tokens = registeredAndLoggedIn(email);

        assertThatThrownBy(() -> bootstrap(email, false).afterSingletonsInstantiated())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ADMIN_TAKE_OVER=true");

        assertThat(accounts.findByEmail(email).block().roles()).containsExactly(Account.USER);
        verify((String) tokens.get("access_token")).expectStatus().isOk();
        login(email, PASSWORD).expectStatus().isOk();
        login(email, ADMIN_PASSPHRASE).expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void takeOverMakesTheAccountAdminWithTheAdminPasswordAndEndsEveryOldSession() {
        String email = uniqueEmail();
        Map<String, Object> tokens = registeredAndLoggedIn(email);

        AdminBootstrap bootstrap = bootstrap(email, true);
        bootstrap.afterSingletonsInstantiated();
        bootstrap.destroy();

        Account account = accounts.findByEmail(email).block();
        assertThat(account.roles()).containsExactly(Account.USER, Account.ADMIN);
        assertThat(account.passwordChangedAt()).isNotNull();
        refresh((String) tokens.get("refresh_token")).expectStatus().isUnauthorized();
        verify((String) tokens.get("access_token")).expectStatus().isUnauthorized();
        login(email, PASSWORD).expectStatus().isUnauthorized();
        Map<String, Object> admin = login(email, ADMIN_PASSPHRASE).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        verify((String) admin.get("access_token")).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.roles[1]")
            .isEqualTo("ADMIN");

        // once it is the administrator, a restart with ADMIN_TAKE_OVER still set changes
        // nothing
        String hash = accounts.findByEmail(email).block().passwordHash();
        AdminBootstrap again = bootstrap(email, true);
        again.afterSingletonsInstantiated();
        again.destroy();
        assertThat(accounts.findByEmail(email).block().passwordHash()).isEqualTo(hash);
        verify((String) admin.get("access_token")).expectStatus().isOk();
    }

}
