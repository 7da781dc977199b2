package jp.machi.collaboration.partnership.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import jp.machi.core.api.Bodies;

/**
 * Bean validation of a body <em>after</em> the record it changes was looked up under the
 * municipality, so that another municipality's id is 404 whatever the body (no {@code @Valid} on
 * those parameters); the violations become core's 400 problem as with {@code @Valid}.
 */
final class ValidAfterLookup {

    private ValidAfterLookup() {
    }

    static <T> T check(Validator validator, T body) {
        Bodies.require(body);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
