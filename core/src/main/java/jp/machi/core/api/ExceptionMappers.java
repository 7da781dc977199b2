package jp.machi.core.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;
import jp.machi.core.i18n.Messages;
import jp.machi.core.municipality.domain.InvalidLocalGovernmentCodeException;

/**
 * Turns every exception into a problem document. Nothing internal (class names, SQL, stack
 * traces) reaches the caller; unexpected failures are logged here with an id the caller sees.
 */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    /** A lost race is an ordinary refusal: one line, naming the entity type, never a stack trace. */
    static void staleVersion(Throwable e) {
        String what = e instanceof OptimisticLockException o && o.getEntity() != null
                ? o.getEntity().getClass().getSimpleName() : "a record";
        LOG.info(() -> "412: " + what + " was changed by someone else since the client read it");
    }

    private ExceptionMappers() {
    }

    @Provider
    public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ApiException e) {
            return Problems.response(headers, e);
        }
    }

    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            Locale locale = Problems.locale(headers);
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), Validation.message(v, locale)));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return Problems.response(locale, 400, "validation", Messages.get(locale, "problem.validation.detail"), errors);
        }

        /** {@code create.arg0.nameJa} → {@code nameJa}: the caller knows its JSON, not our method names. */
        static String fieldOf(Path path) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (Path.Node node : path) {
                i++;
                if (i <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                    continue;
                }
                // Bean Validation puts the index of a list element on the node *after* the list
                // (grades, label[1]): written the way the JSON is addressed, grades[1].label.
                if (node.isInIterable() && sb.length() > 0) {
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (at != null) {
                        sb.append('[').append(at).append(']');
                    }
                }
                if (node.getName() == null || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
            return sb.length() == 0 ? "body" : sb.toString();
        }
    }

    /** Bodies that are not JSON, or JSON of the wrong shape (a text where a number belongs…). */
    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException e) {
            return unreadableBody(headers, e);
        }
    }

    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonbException e) {
            return unreadableBody(headers, e);
        }
    }

    static Response unreadableBody(HttpHeaders headers, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFiscalYearException fy) {
                return Problems.response(headers, 400, "invalid-fiscal-year", "fiscalYear.invalid", String.valueOf(fy.text()));
            }
            if (t instanceof ApiException api) {
                return Problems.response(headers, api);
            }
            if (t instanceof JsonParsingException) {
                return Problems.response(headers, 400, "malformed-json", "problem.malformedJson.detail");
            }
        }
        return Problems.response(headers, 400, "malformed-json", "problem.wrongShape.detail");
    }

    @Provider
    public static class InvalidCodeMapper implements ExceptionMapper<InvalidLocalGovernmentCodeException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidLocalGovernmentCodeException e) {
            return Problems.response(headers, LocalGovernmentCodes.problem(e));
        }
    }

    @Provider
    public static class InvalidFiscalYearMapper implements ExceptionMapper<InvalidFiscalYearException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidFiscalYearException e) {
            return Problems.response(headers, 400, "invalid-fiscal-year", "fiscalYear.invalid", String.valueOf(e.text()));
        }
    }

    /** Framework refusals (no such path, wrong method, wrong media type) in the same shape as ours. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (e instanceof NotFoundException) {
                return Problems.response(headers, 404, "not-found", "problem.noSuchResource.detail");
            }
            if (e instanceof NotAllowedException) {
                Response r = Problems.response(headers, 405, "method-not-allowed", "problem.methodNotAllowed.detail");
                return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
            }
            if (e instanceof NotSupportedException) {
                return Problems.response(headers, 415, "unsupported-media-type", "problem.unsupportedMediaType.detail");
            }
            if (e instanceof NotAcceptableException) {
                return Problems.response(headers, 406, "not-acceptable", "problem.notAcceptable.detail");
            }
            if (e instanceof jakarta.ws.rs.BadRequestException && e.getCause() instanceof jakarta.ws.rs.core.NoContentException) {
                return Problems.response(headers, ApiException.invalid(java.util.List.of(
                        new ApiException.FieldErrorKey("body", "body.required"))));
            }
            String parameter = parameterName(e);
            if (parameter != null) {
                // A path, query or header parameter that did not convert (…/programs/not-a-uuid): name it,
                // rather than blame a request body that a GET does not have.
                return Problems.response(headers, ApiException.invalid(java.util.List.of(
                        new ApiException.FieldErrorKey(parameter, "param.malformed"))));
            }
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
                return unreadableBody(headers, e.getCause());
            }
            if (status >= 500) {
                return internalError(headers, e);
            }
            return Problems.response(headers, status, "http-" + status, "problem.status." + status);
        }
    }

    /**
     * The name of the parameter a framework could not convert (Jersey's {@code ParamException}, found
     * by name so that core does not depend on Jersey), or null.
     */
    static String parameterName(WebApplicationException e) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals("ParamException")) {
                try {
                    Object name = c.getMethod("getParameterName").invoke(e);
                    return name == null || name.toString().isBlank() ? "parameter" : name.toString();
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    return "parameter";
                }
            }
        }
        return null;
    }

    /** Two editors saved the same version at the same moment: the later one lost the race. */
    @Provider
    public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(OptimisticLockException e) {
            staleVersion(e);
            return Problems.response(headers, 412, "stale-version", "problem.staleVersion.detail");
        }
    }

    @Provider
    public static class PersistenceExceptionMapper implements ExceptionMapper<PersistenceException> {
        @Context
        HttpHeaders headers;

        PersistenceExceptionMapper with(HttpHeaders h) {
            this.headers = h;
            return this;
        }

        @Override
        public Response toResponse(PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    staleVersion(t);
                    return Problems.response(headers, 412, "stale-version", "problem.staleVersion.detail");
                }
                if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                        || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                    return Problems.response(headers, 409, "conflict", "problem.constraint.detail");
                }
            }
            return internalError(headers, e);
        }
    }

    @Provider
    public static class FallbackMapper implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiException api) {
                    return Problems.response(headers, api);
                }
                if (t instanceof PersistenceException pe && t != e) {
                    return new PersistenceExceptionMapper().with(headers).toResponse(pe);
                }
                if (t instanceof ConstraintViolationException cve) {
                    ConstraintViolationMapper m = new ConstraintViolationMapper();
                    m.headers = headers;
                    return m.toResponse(cve);
                }
            }
            return internalError(headers, e);
        }
    }

    static Response internalError(HttpHeaders headers, Throwable e) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problems.response(headers, 500, "internal-error", "problem.internal.detail", incident);
    }
}
