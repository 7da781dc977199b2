package jp.machi.core.intake;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who a client is for the rate limit: the address the connection comes from. Behind a reverse
 * proxy every resident would share the proxy's address, so an operator may name the proxies
 * ({@code MACHI_INTAKE_TRUSTED_PROXIES}, comma-separated addresses, none by default): a request
 * from one of them is attributed to the right-most address of {@code X-Forwarded-For} that is not
 * itself a trusted proxy. From anyone else {@code X-Forwarded-For} is ignored (a client could
 * write anything there).
 */
public final class ClientAddress {

    /** MicroProfile Config name; the environment variable MACHI_INTAKE_TRUSTED_PROXIES sets it. */
    public static final String TRUSTED_PROXIES = "machi.intake.trusted-proxies";

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {
    }

    public static String of(String remoteAddress, Enumeration<String> forwardedFor) {
        Set<String> trusted = trustedProxies();
        if (remoteAddress == null || !trusted.contains(remoteAddress) || forwardedFor == null) {
            return remoteAddress;
        }
        List<String> hops = new java.util.ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String part : forwardedFor.nextElement().split(",")) {
                hops.add(part.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!ADDRESS.matcher(hop).matches()) {
                return remoteAddress;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    static Set<String> trustedProxies() {
        return ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class)
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
