package jp.machi.core.identity.user.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.SignedInSessions;
import jp.machi.core.identity.user.application.UserAccountService;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.PasswordChange;

/**
 * Who may set whose password: everybody their own, after giving the current one; an
 * administrator ({@code administrator} or above) anybody's in their charge, without it.
 */
final class PasswordChanges {

    private PasswordChanges() {
    }

    /** Refuses with 403 before anything is looked up, unless the caller is that account or an administrator. */
    static Caller mayChange(UUID accountId, Role administrator) {
        Caller caller = CallerContext.current().orElseThrow();
        if (!isSelf(caller, accountId) && !caller.has(administrator)) {
            throw new ApiException(403, "forbidden", "access.forbidden", administrator.label());
        }
        return caller;
    }

    static boolean isSelf(Caller caller, UUID accountId) {
        return caller.method() == Caller.Method.PASSWORD && caller.id().equals(accountId.toString());
    }

    /**
     * Sets the password. Sessions signed in before end, except the one of the owner changing their
     * own password right now.
     */
    static void apply(UserAccountService accounts, UserAccount account, Caller caller, PasswordChange body,
            HttpServletRequest request) {
        Bodies.require(body);
        if (isSelf(caller, account.getId())) {
            if (body.currentPassword == null || !accounts.passwordMatches(account, body.currentPassword)) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("currentPassword",
                        "password.currentWrong")));
            }
        }
        accounts.setPassword(account, body.newPassword, "newPassword");
        if (SignedInSessions.caller(request).filter(c -> c.id().equals(account.getId().toString())).isPresent()) {
            SignedInSessions.markSignedIn(request);
        }
    }
}
