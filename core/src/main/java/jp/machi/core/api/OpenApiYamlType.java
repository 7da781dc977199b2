package jp.machi.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code /openapi} in YAML says so: {@code Content-Type: application/yaml} (RFC 9512) rather than the
 * {@code text/plain} Payara's MicroProfile OpenAPI endpoint gives, so that a client or a generator that
 * looks at the type reads it as YAML. The JSON form ({@code ?format=json} or {@code Accept:
 * application/json}) is left as it is. Where a server has no {@code /openapi}, nothing is changed.
 */
@WebFilter(filterName = "machi-openapi-yaml", urlPatterns = "/openapi", asyncSupported = true)
public class OpenApiYamlType extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String YAML = "application/yaml;charset=UTF-8";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                super.setContentType(yaml(type));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "content-type".equalsIgnoreCase(name) ? yaml(value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "content-type".equalsIgnoreCase(name) ? yaml(value) : value);
            }
        });
    }

    /** {@code text/plain} (what the OpenAPI endpoint calls its YAML) becomes YAML; any other type stays. */
    static String yaml(String type) {
        if (type == null) {
            return null;
        }
        String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return bare.equals("text/plain") ? YAML : type;
    }
}
