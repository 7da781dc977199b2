package jp.machi.core.intake.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.intake.domain.IntakeSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/intake/settings}: the municipality's limits and spam
 * settings for everything residents send without an account, whichever module receives it. Like
 * module settings (ADR 11), everybody of the municipality reads them and its administrators set them.
 */
@Path("municipalities/{lgCode}/intake/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "intake", description = "受付 / Public intake")
public class IntakeSettingsResource {

    @Inject
    PublicIntake intake;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** The settings in force and the defaults. */
    @JsonbPropertyOrder({"rateLimitCount", "rateLimitWindowSeconds", "honeypotEnabled", "defaults"})
    public record SettingsView(int rateLimitCount, int rateLimitWindowSeconds, boolean honeypotEnabled,
            Defaults defaults) {
        static SettingsView of(IntakeSettings s) {
            return new SettingsView(s.getRateLimitCount(), s.getRateLimitWindowSeconds(), s.isHoneypotEnabled(),
                    new Defaults(IntakeSettings.DEFAULT_RATE_LIMIT_COUNT, IntakeSettings.DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
                            IntakeSettings.DEFAULT_HONEYPOT_ENABLED));
        }
    }

    /** What a municipality without its own settings gets. */
    @JsonbPropertyOrder({"rateLimitCount", "rateLimitWindowSeconds", "honeypotEnabled"})
    public record Defaults(int rateLimitCount, int rateLimitWindowSeconds, boolean honeypotEnabled) {
    }

    /** The settings as sent: all three. */
    public static class SettingsInput {
        /** Submissions one client may send per window; 0 switches the limit off. */
        @NotNull
        @Min(0)
        @Max(IntakeSettings.MAX_RATE_LIMIT_COUNT)
        public Integer rateLimitCount;

        @NotNull
        @Min(1)
        @Max(IntakeSettings.MAX_RATE_LIMIT_WINDOW_SECONDS)
        public Integer rateLimitWindowSeconds;

        @NotNull
        public Boolean honeypotEnabled;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The public-intake settings: rate limit per client (count per window of seconds) and honeypot")
    @Answers(SettingsView.class)
    public Response get() {
        IntakeSettings s = intake.settings().orElseGet(PublicIntake::defaults);
        return Response.ok(SettingsView.of(s)).tag(Versions.tag(intake.settings().map(IntakeSettings::getVersion)
                .orElse(0L))).build();
    }

    @PUT
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Set the public-intake settings (If-Match required; rateLimitCount 0 = no limit)")
    @Answers(SettingsView.class)
    public Response put(@Valid SettingsInput body) {
        Bodies.require(body);
        long version = intake.settings().map(IntakeSettings::getVersion).orElse(0L);
        Versions.requireMatch(request, headers, version);
        IntakeSettings s = intake.saveSettings(body.rateLimitCount, body.rateLimitWindowSeconds, body.honeypotEnabled);
        return Response.ok(SettingsView.of(s)).tag(Versions.tag(s.getVersion())).build();
    }
}
