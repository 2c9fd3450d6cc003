package com.acme.shop.member;

import com.acme.shop.common.problem.ProblemException;

/**
 * Who may change a member's email through the public API. A member with a sign-in account
 * has their email held by auth as well, so nobody changes it here (that would make auth
 * and member disagree); a USER never changes their own; an ADMIN changes the email of
 * members without an account. Sending the stored email again, in any letter case, is no
 * change and keeps the stored value.
 */
final class EmailChangeRule {

    static final String ACCOUNT_EMAIL = "is the member's sign-in email and is changed through their account";
    static final String OWN_EMAIL = "is your sign-in email and can only be changed by an administrator";

    private EmailChangeRule() {
    }

    /**
     * The email to store: the stored one when {@code requested} is {@code null} or equal
     * ignoring case (unless an ADMIN changes the case of an email without an account),
     * else {@code requested} when the change is allowed.
     * @throws ProblemException a 400 naming the {@code email} field when the change is
     * not allowed
     */
    static String emailToStore(String stored, String requested, boolean hasAccount, boolean callerIsAdmin) {
        if (requested == null) {
            return stored;
        }
        if (callerIsAdmin && !hasAccount) {
            return requested;
        }
        if (requested.equalsIgnoreCase(stored)) {
            return stored;
        }
        throw ProblemException.invalid("email", hasAccount ? ACCOUNT_EMAIL : OWN_EMAIL);
    }

}
