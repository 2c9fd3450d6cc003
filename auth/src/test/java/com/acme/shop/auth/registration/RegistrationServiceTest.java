package com.acme.shop.auth.registration;

import java.time.Duration;
import java.util.UUID;

import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.protection.Bulkhead;
import com.acme.shop.auth.protection.RateLimiter;
import com.acme.shop.auth.registration.MemberClient.MemberUnavailableException;
import com.acme.shop.auth.registration.MemberClient.Outcome;
import com.acme.shop.common.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RegistrationServiceTest {

    private final AccountRepository accounts = mock(AccountRepository.class);

    private final MemberClient members = mock(MemberClient.class);

    private final TransactionalOperator transactions = mock(TransactionalOperator.class);

    private final RateLimiter unlimited = mock(RateLimiter.class);

    private final RegistrationService service = new RegistrationService(accounts, new PasswordHasher(4), members,
            transactions, unlimited, new Bulkhead("registration", new Bulkhead.Settings(2, 2, Duration.ofSeconds(1)),
                    new SimpleMeterRegistry()));

    private final RegistrationRequest request = new RegistrationRequest("Zoe@Example.com", "Zoe",
            "blue otter sings at dawn");

    @BeforeEach
    void accountsAcceptInserts() {
        when(unlimited.reserve(anyString())).thenReturn(Mono.just(new RateLimiter.Reservation("k", true, 1)));
        when(accounts.countByEmail(anyString())).thenReturn(Mono.just(0L));
        when(accounts.insert(any())).thenAnswer(inv -> Mono.just(inv.getArgument(0, Account.class)));
        when(members.delete(any())).thenReturn(Mono.empty());
    }

    @Test
    void deletesTheMemberProfileWhenTheCommitFailsAfterMemberSucceeded() {
        when(members.create(any(), anyString(), anyString())).thenReturn(Mono.just(Outcome.CREATED));
        when(transactions.transactional(any(Mono.class))).thenAnswer(
                inv -> inv.getArgument(0, Mono.class).then(Mono.error(new IllegalStateException("commit failed"))));

        Throwable error = catchThrowable(() -> service.register(request, "192.0.2.1").block());

        assertThat(error).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) error).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verify(members).delete(any(UUID.class));
    }

    @Test
    void answers503AndDeletesNothingWhenMemberIsUnavailable() {
        when(members.create(any(), anyString(), anyString()))
            .thenReturn(Mono.error(new MemberUnavailableException("connection refused")));
        when(transactions.transactional(any(Mono.class))).thenAnswer(inv -> inv.getArgument(0, Mono.class));

        Throwable error = catchThrowable(() -> service.register(request, "192.0.2.1").block());

        assertThat(((ProblemException) error).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verify(members, never()).delete(any());
    }

    @Test
    void answers409ForATakenEmailWithoutCallingMember() {
        when(accounts.countByEmail("zoe@example.com")).thenReturn(Mono.just(1L));

        Throwable error = catchThrowable(() -> service.register(request, "192.0.2.1").block());

        assertThat(((ProblemException) error).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        verify(members, never()).create(any(), anyString(), anyString());
    }

    @Test
    void storesTheEmailNormalizedAndReturnsTheProfileFields() {
        when(members.create(any(), anyString(), anyString())).thenReturn(Mono.just(Outcome.CREATED));
        when(transactions.transactional(any(Mono.class))).thenAnswer(inv -> inv.getArgument(0, Mono.class));

        RegisteredAccount account = service.register(request, "192.0.2.1").block();

        assertThat(account.email()).isEqualTo("zoe@example.com");
        assertThat(account.name()).isEqualTo("Zoe");
        verify(members).create(account.id(), "zoe@example.com", "Zoe");
    }

}
