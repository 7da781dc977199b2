package jp.machi.core.persistence;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The change stamps one request has read, so that its filters (the token, the municipality, the
 * modules, the reused answer) ask the database once per municipality. Read before the endpoint runs;
 * what the endpoint then writes raises the stamps for the requests after it.
 */
@RequestScoped
public class RequestStamps {

    private final Map<String, Long> read = new HashMap<>();

    Long get(String code) {
        return read.get(code);
    }

    void put(String code, long stamp) {
        read.put(code, stamp);
    }
}
