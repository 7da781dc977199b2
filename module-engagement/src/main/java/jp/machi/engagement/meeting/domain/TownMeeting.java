package jp.machi.engagement.meeting.domain;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;

/**
 * タウンミーティング・懇談会: a meeting of the mayor (or the city) with residents, on a day (or, planned or
 * cancelled, in a fiscal year without a day yet), at a place or online, for a district or the whole
 * city, on a theme; held with a number of participants, or cancelled with a reason. The opinions
 * raised are its child rows; its report (a summary, the opinions and the city's responses) is
 * published on the portal when staff say so. Holds no personal data.
 */
@Entity
@Table(name = "engagement_meeting")
public class TownMeeting extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private MeetingKind kind;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "theme", length = 500)
    private String theme;

    @Column(name = "district", length = 100)
    private String district;

    @Column(name = "venue", length = 200)
    private String venue;

    @Column(name = "online", nullable = false)
    private boolean online;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private MeetingStatus status;

    @Column(name = "participants")
    private Integer participants;

    @Column(name = "cancel_reason", length = 1000)
    private String cancelReason;

    @Column(name = "report_summary", length = 4000)
    private String reportSummary;

    @Column(name = "report_published", nullable = false)
    private boolean reportPublished;

    @Column(name = "report_published_at")
    private OffsetDateTime reportPublishedAt;

    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<MeetingOpinion> opinions = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected TownMeeting() {
    }

    /** What staff give for a meeting, as one edit. */
    public record Details(FiscalYear fiscalYear, LocalDate meetingDate, MeetingKind kind, String title, String theme,
            String district, String venue, boolean online, MeetingStatus status, Integer participants,
            String cancelReason, String reportSummary, boolean reportPublished) {
    }

    public TownMeeting(Details d, OffsetDateTime now) {
        edit(d, now);
    }

    public final void edit(Details d, OffsetDateTime now) {
        this.fiscalYear = d.fiscalYear().startYear();
        this.meetingDate = d.meetingDate();
        this.kind = d.kind();
        this.title = d.title();
        this.theme = d.theme();
        this.district = d.district();
        this.venue = d.venue();
        this.online = d.online();
        this.status = d.status();
        this.participants = d.participants();
        this.cancelReason = d.cancelReason();
        this.reportSummary = d.reportSummary();
        if (d.reportPublished() && !reportPublished) {
            this.reportPublishedAt = now;
        } else if (!d.reportPublished()) {
            this.reportPublishedAt = null;
        }
        this.reportPublished = d.reportPublished();
    }

    public MeetingOpinion addOpinion(String opinion, UUID unitId) {
        int next = opinions.stream().mapToInt(MeetingOpinion::getSeq).max().orElse(0) + 1;
        MeetingOpinion o = new MeetingOpinion(this, next, opinion, unitId);
        opinions.add(o);
        return o;
    }

    public Optional<MeetingOpinion> opinion(UUID opinionId) {
        return opinions.stream().filter(o -> opinionId.equals(o.getId())).findFirst();
    }

    public void editOpinion(MeetingOpinion o, String opinion, UUID unitId, OpinionStatus status, String response,
            OffsetDateTime now) {
        o.edit(opinion, unitId, status, response, now);
    }

    public void removeOpinion(MeetingOpinion o) {
        opinions.remove(o);
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public MeetingKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getTheme() {
        return theme;
    }

    public String getDistrict() {
        return district;
    }

    public String getVenue() {
        return venue;
    }

    public boolean isOnline() {
        return online;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public Integer getParticipants() {
        return participants;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getReportSummary() {
        return reportSummary;
    }

    public boolean isReportPublished() {
        return reportPublished;
    }

    public OffsetDateTime getReportPublishedAt() {
        return reportPublishedAt;
    }

    public List<MeetingOpinion> getOpinions() {
        return List.copyOf(opinions);
    }

    public long getVersion() {
        return version;
    }
}
