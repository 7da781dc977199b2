package jp.machi.core.api;

import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=50}: which slice of a list to return. Taken as text so that a malformed
 * number answers 400 with a problem document instead of the framework's bare 404.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    private String page;

    @QueryParam("size")
    private String size;

    public PageRequest() {
    }

    public static PageRequest of(int page, int size) {
        PageRequest r = new PageRequest();
        r.page = Integer.toString(page);
        r.size = Integer.toString(size);
        return r;
    }

    public int page() {
        validate();
        return parse("page", page, 0, 0, 1_000_000);
    }

    public int size() {
        validate();
        return parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    /** Reports every malformed paging parameter at once, not just the first one read. */
    private void validate() {
        java.util.List<ApiException.FieldErrorKey> errors = new java.util.ArrayList<>();
        check("page", page, 0, 1_000_000, errors);
        check("size", size, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void check(String name, String text, int min, int max, java.util.List<ApiException.FieldErrorKey> errors) {
        try {
            parse(name, text, min, min, max);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
    }

    public int offset() {
        return page() * size();
    }

    private static int parse(String name, String text, int dflt, int min, int max) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(java.util.List.of(
                new ApiException.FieldErrorKey(name, "paging.range", min, max)));
    }
}
