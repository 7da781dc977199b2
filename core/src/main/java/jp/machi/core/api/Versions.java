package jp.machi.core.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Conditional updates: every representation carries an {@code ETag} from the row's version; an
 * update must send it back in {@code If-Match}. Without it the answer is 428, with a stale one 412,
 * so nobody overwrites a colleague's edit unknowingly.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Throws the 428 or 412 problem unless {@code If-Match} names the current version. An empty
     * header and {@code *} ("any version") are refused like a missing one: they would let a client
     * overwrite a change it never saw.
     */
    public static void requireMatch(Request request, HttpHeaders headers, long currentVersion) {
        requireMatch(request, headers, tag(currentVersion));
    }

    /** 428 unless the request carries an If-Match ({@code *} and blank count as none). */
    public static void requirePresent(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ApiException(428, "precondition-required", "problem.ifMatchRequired.detail");
        }
    }

    /** {@link #requireMatch(Request, HttpHeaders, long)} for a version that is not one row's (a sheet of many). */
    public static void requireMatch(Request request, HttpHeaders headers, EntityTag current) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ApiException(428, "precondition-required", "problem.ifMatchRequired.detail");
        }
        Response.ResponseBuilder failed;
        try {
            failed = request.evaluatePreconditions(current);
        } catch (IllegalArgumentException | jakarta.ws.rs.ProcessingException malformed) {
            // Jersey reports an unparsable If-Match as a ProcessingException (HeaderValueException).
            throw new ApiException(400, "malformed-header", "problem.malformedIfMatch.detail");
        }
        if (failed != null) {
            throw new ApiException(412, "stale-version", "problem.staleVersion.detail");
        }
    }
}
