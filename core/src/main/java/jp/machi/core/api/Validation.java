package jp.machi.core.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import java.util.Locale;

/** Renders Bean Validation messages in the caller's language rather than the server's. */
final class Validation {

    private static volatile MessageInterpolator interpolator;

    private Validation() {
    }

    static String message(ConstraintViolation<?> v, Locale locale) {
        MessageInterpolator mi = interpolator;
        if (mi == null) {
            mi = jakarta.validation.Validation.buildDefaultValidatorFactory().getMessageInterpolator();
            interpolator = mi;
        }
        String template = v.getMessageTemplate();
        try {
            return mi.interpolate(template, new MessageInterpolator.Context() {
                @Override
                public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
                    return v.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return v.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new jakarta.validation.ValidationException("unsupported");
                }
            }, locale);
        } catch (RuntimeException e) {
            return v.getMessage();
        }
    }
}
