package jp.machi.core.identity.oidc;

import com.nimbusds.jwt.JWTParser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.CodeSource;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.municipality.application.MunicipalityService;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * OpenID Connect in this deployment: on when {@code MACHI_OIDC_ISSUER} is set, and then for
 * bearer access tokens and, with {@code MACHI_OIDC_CLIENT_ID}, browser sign-in too. Off, it makes
 * no outgoing call and answers nothing. The settings are read at start-up; a setting that cannot
 * work stops the deployment with a message naming the variable.
 */
@ApplicationScoped
public class Oidc {

    private static final Logger LOG = Logger.getLogger(Oidc.class.getName());

    @Inject
    MunicipalityService municipalities;

    private OidcSettings settings;
    private OidcProvider provider;
    private TokenVerifier verifier;
    private ClaimsMapper mapper;
    private AccessTokens accessTokens;
    private CodeFlow flow;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig(Oidc.class.getClassLoader());
        try {
            settings = OidcSettings.read(name -> config.getOptionalValue(name, String.class)).orElse(null);
        } catch (IllegalArgumentException e) {
            // The container reports only that this method failed; the operator needs the reason.
            LOG.severe(() -> "OpenID Connect cannot be set up, Machi does not start: " + e.getMessage());
            throw e;
        }
        if (settings != null) {
            provider = new OidcProvider(settings, new ProviderHttp(), Clock.systemUTC());
            verifier = new TokenVerifier(() -> provider.metadata().issuer(), provider.keys());
            mapper = new ClaimsMapper(settings.roleClaim(), settings.municipalityClaim(),
                    code -> municipalities.find(code).isPresent());
            accessTokens = new AccessTokens(verifier, mapper, settings.audience());
            flow = settings.browserSignIn() ? new CodeFlow(provider, verifier, mapper) : null;
        }
    }

    /** Reads the settings at start-up (not at the first request) and says in the log what is on. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings == null) {
            LOG.info("OpenID Connect: off (MACHI_OIDC_ISSUER is not set)");
            return;
        }
        LOG.info(() -> "OpenID Connect: on, " + settings + "; browser sign-in " + (flow == null
                ? "off (no MACHI_OIDC_CLIENT_ID)" : "at /api/v1/session/oidc") + "; JWTs verified by Nimbus JOSE+JWT from "
                + jwtLibrary());
        if (settings.insecureTransport()) {
            LOG.warning(() -> "MACHI_OIDC_ISSUER " + settings.issuer() + " is plain http to another machine: codes and"
                    + " tokens can be read on the way. Use https.");
        }
    }

    public boolean isOn() {
        return settings != null;
    }

    /** Whether browsers can sign in with the provider at {@code /api/v1/session/oidc}. */
    public boolean browserSignIn() {
        return flow != null;
    }

    /** The browser sign-in, if this deployment has one. */
    Optional<CodeFlow> flow() {
        return Optional.ofNullable(flow);
    }

    Optional<OidcSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** The issuer as the provider writes it (for the {@code iss} parameter of the callback). */
    String issuer() {
        return provider.metadata().issuer();
    }

    /**
     * The caller a bearer token stands for, if it is one of the provider's access tokens.
     *
     * @return empty when OpenID Connect is off or the token is not a JWT (another authenticator's)
     * @throws jp.machi.core.identity.InvalidCredentialsException when it is a JWT that does not let anybody in
     */
    Optional<Caller> bearer(String token) {
        return settings == null ? Optional.empty() : accessTokens.authenticate(token);
    }

    /** Which copy of the JWT library this application uses: its own (WEB-INF/lib) or the server's. */
    static String jwtLibrary() {
        CodeSource source = JWTParser.class.getProtectionDomain().getCodeSource();
        Package p = JWTParser.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return (source == null || source.getLocation() == null ? "(unknown location)" : source.getLocation().toString())
                + (version == null ? "" : " " + version);
    }
}
