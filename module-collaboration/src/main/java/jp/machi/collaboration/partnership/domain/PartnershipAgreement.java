package jp.machi.collaboration.partnership.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 連携協定 (seed 004 #15–#16): an agreement of the municipality with a university, a company, a
 * financial institution or another organisation — the other party a registered partner or just a
 * name — concluded on a date, ending or renewed, in its fields (芸術・文化, 教育, 産業振興 …). Its
 * activities ({@link PartnershipActivity}: concerts, prizes, school programmes …) are child rows:
 * adding, changing or removing one raises the agreement's version.
 */
@Entity
@Table(name = "collaboration_partnership")
public class PartnershipAgreement extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "partner_id")
    private UUID partnerId;

    @Column(name = "partner_name", nullable = false, length = 200)
    private String partnerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private AgreementKind kind;

    @Column(name = "concluded_on", nullable = false)
    private LocalDate concludedOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "renewal", length = 200)
    private String renewal;

    @Column(name = "fields", length = 1000)
    private String fields;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("heldOn, title")
    private List<PartnershipActivity> activities = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PartnershipAgreement() {
    }

    /** The agreement's own fields, as one edit. */
    public record Content(String title, UUID partnerId, String partnerName, AgreementKind kind, LocalDate concludedOn,
            LocalDate endsOn, String renewal, List<String> fields, String note, boolean invented) {
    }

    /** One activity under the agreement. */
    public record Activity(LocalDate heldOn, String title, String kind, Integer participants, String note) {
    }

    public PartnershipAgreement(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.title = c.title();
        this.partnerId = c.partnerId();
        this.partnerName = c.partnerName();
        this.kind = c.kind();
        this.concludedOn = c.concludedOn();
        this.endsOn = c.endsOn();
        this.renewal = c.renewal();
        this.fields = c.fields() == null || c.fields().isEmpty() ? null : String.join("\n", c.fields());
        this.note = c.note();
        this.invented = c.invented();
    }

    /**
     * Replaces the activities with {@code wanted} (kept in date order); answers whether anything
     * changed (the service then raises the agreement's version).
     */
    public boolean replaceActivities(List<Activity> wanted) {
        List<Activity> sorted = wanted.stream().sorted(ORDER).toList();
        if (sorted.equals(activities.stream().map(PartnershipActivity::content).sorted(ORDER).toList())) {
            return false;
        }
        List<PartnershipActivity> current = new ArrayList<>(activities);
        current.sort(Comparator.comparing(PartnershipActivity::content, ORDER));
        for (int i = 0; i < sorted.size(); i++) {
            if (i < current.size()) {
                current.get(i).revise(sorted.get(i));
            } else {
                activities.add(new PartnershipActivity(this, sorted.get(i)));
            }
        }
        for (int i = sorted.size(); i < current.size(); i++) {
            activities.remove(current.get(i));
        }
        return true;
    }

    /** Adds one activity. */
    public PartnershipActivity add(Activity a) {
        PartnershipActivity row = new PartnershipActivity(this, a);
        activities.add(row);
        return row;
    }

    static final Comparator<Activity> ORDER = Comparator.comparing(Activity::heldOn)
            .thenComparing(Activity::title).thenComparing(Activity::kind)
            .thenComparing(a -> a.participants() == null ? -1 : a.participants())
            .thenComparing(a -> Objects.toString(a.note(), ""));

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public AgreementKind getKind() {
        return kind;
    }

    public LocalDate getConcludedOn() {
        return concludedOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getRenewal() {
        return renewal;
    }

    public List<String> getFields() {
        return fields == null ? List.of() : Arrays.stream(fields.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public String getNote() {
        return note;
    }

    public boolean isInvented() {
        return invented;
    }

    public List<PartnershipActivity> getActivities() {
        return activities.stream().sorted(Comparator.comparing(PartnershipActivity::content, ORDER)).toList();
    }

    public long getVersion() {
        return version;
    }
}
