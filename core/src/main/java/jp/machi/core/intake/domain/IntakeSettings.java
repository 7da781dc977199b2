package jp.machi.core.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A municipality's public-intake settings, the same for every module: how many submissions one
 * client may send in a window of seconds (0: no limit), and whether the honeypot field files a
 * submission as spam. No row means the defaults.
 */
@Entity
@Table(name = "intake_setting")
@NamedQuery(name = "IntakeSettings.mine", query = "SELECT s FROM IntakeSettings s")
public class IntakeSettings extends TenantOwned {

    /** 30 submissions per client in 10 minutes: far above a resident, far below a script. */
    public static final int DEFAULT_RATE_LIMIT_COUNT = 30;
    public static final int DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 600;
    public static final boolean DEFAULT_HONEYPOT_ENABLED = true;
    public static final int MAX_RATE_LIMIT_COUNT = 100_000;
    public static final int MAX_RATE_LIMIT_WINDOW_SECONDS = 86_400;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "rate_limit_count", nullable = false)
    private int rateLimitCount;

    @Column(name = "rate_limit_window_seconds", nullable = false)
    private int rateLimitWindowSeconds;

    @Column(name = "honeypot_enabled", nullable = false)
    private boolean honeypotEnabled;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IntakeSettings() {
    }

    public IntakeSettings(int rateLimitCount, int rateLimitWindowSeconds, boolean honeypotEnabled) {
        set(rateLimitCount, rateLimitWindowSeconds, honeypotEnabled);
    }

    public void set(int count, int windowSeconds, boolean honeypot) {
        this.rateLimitCount = count;
        this.rateLimitWindowSeconds = windowSeconds;
        this.honeypotEnabled = honeypot;
    }

    public UUID getId() {
        return id;
    }

    public int getRateLimitCount() {
        return rateLimitCount;
    }

    public int getRateLimitWindowSeconds() {
        return rateLimitWindowSeconds;
    }

    public boolean isHoneypotEnabled() {
        return honeypotEnabled;
    }

    public long getVersion() {
        return version;
    }
}
