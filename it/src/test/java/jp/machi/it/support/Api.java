package jp.machi.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP client for one server, as a browser or script would talk to it: plain HTTP/1.1,
 * bodies as bytes, headers such as {@code Accept-Language} and {@code If-Match} set per request.
 *
 * <pre>{@code
 * Reply r = api.put("/api/v1/municipalities/082201").ifMatch(etag).lang("en").json(body).send();
 * }</pre>
 *
 * <p>Who it is: the {@code Api} a test gets from {@link MachiTest} (or {@link MachiServer#api()})
 * calls as the server's platform administrator, with a platform API token created right after
 * boot. {@link #anonymous()} calls as nobody; {@link #as(String, String)} as a token of another
 * role and municipality; {@link #signIn(String, String)} as a browser does, with the session cookie
 * and, on every state-changing request, the CSRF token.
 */
public final class Api {

    /** The session cookie's name (the servlet default). */
    public static final String SESSION_COOKIE = "machi-session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** The media type of a JSON Merge Patch (RFC 7396). */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final URI base;
    private final String bearer;
    private final Session session;

    /** An anonymous client of the server at {@code base}. */
    public Api(URI base) {
        this(base, null, null);
    }

    private Api(URI base, String bearer, Session session) {
        this.base = base;
        this.bearer = bearer;
        this.session = session;
    }

    /** A browser's session: its cookie and CSRF token, updated from the answers. */
    public static final class Session {
        private volatile String cookie;
        private volatile String csrfToken;

        public Optional<String> cookie() {
            return Optional.ofNullable(cookie);
        }

        public Optional<String> csrfToken() {
            return Optional.ofNullable(csrfToken);
        }
    }

    public URI base() {
        return base;
    }

    /** Another server (a node of the same cluster, a load balancer) with this client's token or browser session. */
    public Api at(URI otherBase) {
        return new Api(otherBase, bearer, session);
    }

    /** The same server, as nobody. */
    public Api anonymous() {
        return new Api(base);
    }

    /** The same server, calling with {@code Authorization: Bearer token}. */
    public Api withBearer(String token) {
        return new Api(base, token, null);
    }

    /** The bearer token this client calls with, if any. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearer);
    }

    /** The browser session this client calls with, if any. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /**
     * A client for a new API token of {@code role} ({@code VIEWER}, {@code STAFF},
     * {@code MUNICIPALITY_ADMIN}) in municipality {@code lgCode}, issued by this client; a platform
     * token when {@code lgCode} is null.
     */
    public Api as(String role, String lgCode) {
        return withBearer(issueToken(role, lgCode));
    }

    /** Issues a token as this client and returns its secret. */
    public String issueToken(String role, String lgCode) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", "it-" + role.toLowerCase() + "-" + SEQ.incrementAndGet());
        String path = lgCode == null ? "/api/v1/api-tokens" : "/api/v1/municipalities/" + lgCode + "/api-tokens";
        if (lgCode != null) {
            body.add("role", role);
        }
        return post(path).json(body.build()).send().expect(201).object().getString("token");
    }

    /** An account of Machi's user store: its id, login and password. */
    public record Account(String id, String login, String password, String role, String lgCode) {
    }

    /** A strong password no test reuses. */
    public static String newPassword() {
        return "It-Passw0rd-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
    }

    /** Creates a user of {@code role} in {@code lgCode} (a platform administrator when null) as this client. */
    public Account newUser(String role, String lgCode) {
        String login = "it-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36)
                + SEQ.incrementAndGet();
        String password = newPassword();
        JsonObjectBuilder body = Json.createObjectBuilder().add("login", login).add("displayName", "試験 " + login)
                .add("password", password);
        String path;
        if (lgCode == null) {
            path = "/api/v1/platform-admins";
        } else {
            path = "/api/v1/municipalities/" + lgCode + "/users";
            body.add("role", role);
        }
        JsonObject created = post(path).json(body.build()).send().expect(201).object();
        return new Account(created.getString("id"), login, password, role, lgCode);
    }

    /**
     * Gives the user at {@code userPath} ({@code …/users/{id}}, whose ETag is {@code etag}) these module
     * roles, e.g. {@code planning.evaluator}, as this client (a municipality administrator); none: nothing.
     */
    public void grantModuleRoles(String userPath, String etag, String... moduleRoles) {
        if (moduleRoles.length == 0) {
            return;
        }
        var roles = Json.createArrayBuilder();
        for (String r : moduleRoles) {
            roles.add(r);
        }
        put(userPath + "/module-roles").ifMatch(etag).json(Json.createObjectBuilder().add("moduleRoles", roles).build())
                .send().expect(200);
    }

    /** Signs in with the password, as a browser: the returned client sends the session cookie and CSRF token. */
    public Api signIn(String login, String password) {
        Reply r = anonymous().post("/api/v1/session").json(Json.createObjectBuilder().add("login", login)
                .add("password", password).build()).send().expect(200);
        return fromSignIn(r);
    }

    public Api signIn(Account account) {
        return signIn(account.login(), account.password());
    }

    /** The session a sign-in answer started: its cookie and CSRF token. */
    public Api fromSignIn(Reply signIn) {
        Session s = new Session();
        s.cookie = sessionCookie(signIn).orElseThrow(() -> new AssertionError("No session cookie in " + signIn));
        s.csrfToken = signIn.object().getString("csrfToken");
        return new Api(base, null, s);
    }

    /** The value of the session cookie an answer sets, if it sets one. */
    public static Optional<String> sessionCookie(Reply r) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0]).findFirst();
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> omitted = new HashSet<>();
        private byte[] body;
        private boolean expectContinue;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Leaves out a header this client would send by itself (Authorization, Cookie, X-CSRF-Token). */
        public Call without(String name) {
            omitted.add(name.toLowerCase());
            return this;
        }

        /** {@code Accept-Language}. */
        public Call lang(String languages) {
            return header("Accept-Language", languages);
        }

        public Call accept(String mediaTypes) {
            return header("Accept", mediaTypes);
        }

        public Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        /**
         * A JSON body (any text, valid or not) with {@code Content-Type: application/json}, or for a
         * PATCH {@code application/merge-patch+json} (the type every PATCH of the API takes; send
         * another with {@link #body}).
         */
        public Call json(Object json) {
            return body(String.valueOf(json).getBytes(StandardCharsets.UTF_8),
                    method.equals("PATCH") ? MERGE_PATCH : "application/json");
        }

        /** A raw body; {@code contentType} null sends none. */
        public Call body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        /** Sends {@code Expect: 100-continue}, so a refused large body need not be sent at all. */
        public Call expectContinue() {
            this.expectContinue = true;
            return this;
        }

        public Reply send() {
            URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
            // The first /openapi request makes the server build the document from every resource class:
            // over a minute when the machine is busy (two suites run at once). Everything else: 60 s.
            Duration timeout = Duration.ofSeconds(path.startsWith("/openapi") ? 300 : 60);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .expectContinue(expectContinue)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            Map<String, String> all = new LinkedHashMap<>();
            if (bearer != null) {
                all.put("Authorization", "Bearer " + bearer);
            }
            if (session != null && session.cookie != null) {
                all.put("Cookie", SESSION_COOKIE + "=" + session.cookie);
                if (UNSAFE.contains(method) && session.csrfToken != null) {
                    all.put(CSRF_HEADER, session.csrfToken);
                }
            }
            all.putAll(headers);
            all.forEach((k, v) -> {
                if (!omitted.contains(k.toLowerCase())) {
                    b.header(k, v);
                }
            });
            try {
                HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                Reply reply = new Reply(method, uri, r.statusCode(), r.headers(), r.body());
                if (session != null) {
                    sessionCookie(reply).ifPresent(c -> session.cookie = c);
                }
                return reply;
            } catch (IOException e) {
                throw new AssertionError(method + " " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(method + " " + uri + " interrupted", e);
            }
        }
    }
}
