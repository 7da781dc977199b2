package jp.machi.core.identity.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.oidc.TokenRejectedException.Reason;
import jp.machi.core.municipality.domain.LocalGovernmentCode;

/**
 * Turns the verified claims of a provider's token into a {@link Caller}: the role from the role
 * claim, the municipality (所属団体) from the municipality claim. The provider decides both; Machi
 * only refuses what it cannot use: no recognisable role, no or a malformed local government code,
 * or a municipality Machi does not know.
 *
 * <p>Role values: {@code VIEWER}, {@code STAFF}, {@code MUNICIPALITY_ADMIN}, {@code PLATFORM_ADMIN},
 * in any case and with hyphens for underscores ({@code municipality-admin}). The claim may be a
 * string or a list (Keycloak's role mappers give lists); from a list, values that are not Machi
 * roles are ignored and the highest Machi role wins. A claim name with dots that is not itself a
 * claim is followed as a path ({@code realm_access.roles}). A platform administrator belongs to no
 * municipality; the municipality claim is then ignored.
 *
 * <p>Module roles ({@code planning.evaluator} …) come from the {@value #MODULE_ROLES_CLAIM} claim,
 * a list of names or one string of names separated by spaces or commas; names that do not look
 * like a module role ({@code <module>.<role>}) are ignored, and a platform administrator gets none.
 */
final class ClaimsMapper {

    /** The claim naming the module roles the provider grants the user. */
    static final String MODULE_ROLES_CLAIM = "machi_module_roles";

    private static final java.util.regex.Pattern MODULE_ROLE = java.util.regex.Pattern.compile(
            jp.machi.core.module.ModuleIds.REGEX + "\\.[a-z][a-z0-9.-]*");

    private final String roleClaim;
    private final String municipalityClaim;
    private final Predicate<String> knownMunicipality;

    ClaimsMapper(String roleClaim, String municipalityClaim, Predicate<String> knownMunicipality) {
        this.roleClaim = roleClaim;
        this.municipalityClaim = municipalityClaim;
        this.knownMunicipality = knownMunicipality;
    }

    /** @throws TokenRejectedException saying why these claims do not make a Machi caller */
    Caller caller(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new TokenRejectedException(Reason.INVALID_TOKEN, "token without sub");
        }
        Object roleValue = claim(claims, roleClaim);
        Role role = role(roleValue).orElseThrow(() -> new TokenRejectedException(Reason.NO_ROLE,
                "claim " + roleClaim + " names no Machi role: " + shown(roleValue)));
        String municipality = null;
        if (role != Role.PLATFORM_ADMIN) {
            Object codeValue = claim(claims, municipalityClaim);
            municipality = single(codeValue).filter(LocalGovernmentCode::isValid)
                    .orElseThrow(() -> new TokenRejectedException(Reason.NO_MUNICIPALITY,
                            "claim " + municipalityClaim + " is not a local government code: " + shown(codeValue)));
            if (!knownMunicipality.test(municipality)) {
                throw new TokenRejectedException(Reason.UNKNOWN_MUNICIPALITY,
                        "municipality " + municipality + " is not registered in Machi");
            }
        }
        // The person's name as people see it (OpenID Connect's "name"), else the login-like
        // preferred_username, else the subject.
        Object fullName = claims.getClaim("name");
        Object username = claims.getClaim("preferred_username");
        String name = fullName instanceof String f && !f.isBlank() ? f.strip()
                : username instanceof String s && !s.isBlank() ? s : subject;
        java.util.Set<String> moduleRoles = role == Role.PLATFORM_ADMIN ? java.util.Set.of()
                : moduleRoles(claims.getClaim(MODULE_ROLES_CLAIM));
        return new Caller("oidc:" + subject, name, role, municipality, null, Caller.Method.OIDC, moduleRoles);
    }

    /** The module role names a claim value gives, ignoring what does not look like one. */
    static java.util.Set<String> moduleRoles(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof String s) {
            names.addAll(List.of(s.split("[\\s,]+")));
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s) {
                    names.add(s);
                }
            }
        }
        java.util.Set<String> roles = new java.util.TreeSet<>();
        for (String n : names) {
            String t = n.strip();
            if (MODULE_ROLE.matcher(t).matches()) {
                roles.add(t);
            }
        }
        return roles;
    }

    /** The Machi role a claim value names, the highest one if it names several. */
    static Optional<Role> role(Object value) {
        List<Role> roles = new ArrayList<>();
        if (value instanceof String s) {
            parseRole(s).ifPresent(roles::add);
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s) {
                    parseRole(s).ifPresent(roles::add);
                }
            }
        }
        return roles.stream().max(Enum::compareTo);
    }

    static Optional<Role> parseRole(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : Role.values()) {
            if (r.name().equals(normalized)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A string, or a list holding exactly one string (a multi-valued attribute mapper). */
    private static Optional<String> single(Object value) {
        if (value instanceof String s) {
            return Optional.of(s.trim());
        }
        if (value instanceof Collection<?> c && c.size() == 1 && c.iterator().next() instanceof String s) {
            return Optional.of(s.trim());
        }
        return Optional.empty();
    }

    /** The claim by its name, or else by the path its dots describe. */
    static Object claim(JWTClaimsSet claims, String name) {
        Object direct = claims.getClaim(name);
        if (direct != null || name.indexOf('.') < 0) {
            return direct;
        }
        Object node = claims.getClaims();
        for (String part : name.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(part);
        }
        return node;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "(absent)";
        }
        String s = String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
