package com.acme.shop.member;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The member API's own answers besides validation, as common {@link ProblemException}s.
 */
final class MemberProblems {

    private MemberProblems() {
    }

    /** 404: no member with the requested id. */
    static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "Member not found.");
    }

    /** 409: the email belongs to another member (compared case-insensitively). */
    static ProblemException emailTaken() {
        return ProblemException.of(HttpStatus.CONFLICT, "A member with this email already exists.");
    }

    /** 412: the member changed since the version named in {@code If-Match}. */
    static ProblemException staleVersion() {
        return ProblemException.of(HttpStatus.PRECONDITION_FAILED,
                "The member was modified; fetch it again and retry with the current ETag.");
    }

}
