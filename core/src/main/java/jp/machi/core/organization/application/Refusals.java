package jp.machi.core.organization.application;

import java.util.List;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.ApiException.FieldErrorKey;
import jp.machi.core.organization.domain.OrganizationRuleException;

/** How a broken rule of the tree reaches the caller: status, problem type and failing fields. */
final class Refusals {

    private Refusals() {
    }

    static ApiException of(OrganizationRuleException e) {
        List<FieldErrorKey> errors = e.violations().stream()
                .map(v -> new FieldErrorKey(v.field(), v.key(), v.args())).toList();
        return switch (e.rule()) {
            case INVALID_INPUT -> ApiException.invalid(errors);
            case UNKNOWN_UNIT -> new ApiException(400, "invalid-reference", errors, "organization.reference.detail");
            case CODE_IN_USE -> new ApiException(409, "code-exists", errors, "organization.codeInUse.detail");
            case INVALID_PARENT -> new ApiException(409, "invalid-parent", errors, "organization.invalidParent.detail");
            case INVALID_REORGANIZATION -> new ApiException(409, "invalid-reorganization", errors,
                    "organization.invalidReorganization.detail");
            case UNIT_IN_USE -> new ApiException(409, "unit-in-use", errors, "organization.unitInUse.detail");
        };
    }
}
