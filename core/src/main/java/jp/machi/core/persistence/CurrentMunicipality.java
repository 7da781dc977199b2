package jp.machi.core.persistence;

import jakarta.enterprise.context.RequestScoped;
import jp.machi.core.api.ApiException;

/**
 * The municipality a request is about, taken from its {@code {lgCode}} path segment once that
 * code has been validated and found. Set by the request filter before any resource method runs.
 */
@RequestScoped
public class CurrentMunicipality {

    private String code;

    public void set(String lgCode) {
        this.code = lgCode;
    }

    public boolean isSet() {
        return code != null;
    }

    /** The local government code; a request without one has no tenant-owned data to touch. */
    public String code() {
        if (code == null) {
            throw new ApiException(404, "not-found", "problem.noSuchResource.detail");
        }
        return code;
    }
}
