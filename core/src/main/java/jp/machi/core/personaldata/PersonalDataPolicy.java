package jp.machi.core.personaldata;

import java.util.Optional;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;

/**
 * Who sees personal data how. Pure, so that a test can ask it too.
 *
 * <ul>
 *   <li>a public endpoint, or nobody signed in: {@link Visibility#HIDDEN}, whoever calls;</li>
 *   <li>a signed-in caller of a role-guarded endpoint: {@link Visibility#MASKED};</li>
 *   <li>in full only when the resource revealed it for this request (which requires
 *       {@link #REVEAL_MINIMUM} and records the read) and the caller has that role.</li>
 * </ul>
 */
public final class PersonalDataPolicy {

    /** The least role that may read personal data in full. */
    public static final Role REVEAL_MINIMUM = Role.STAFF;

    private PersonalDataPolicy() {
    }

    public static Visibility visibility(Optional<Access> rule, Optional<Caller> caller, boolean revealed) {
        if (rule.isEmpty() || rule.get().value() == Access.Level.PUBLIC || caller.isEmpty()) {
            return Visibility.HIDDEN;
        }
        if (revealed && caller.get().has(REVEAL_MINIMUM)) {
            return Visibility.FULL;
        }
        return Visibility.MASKED;
    }
}
