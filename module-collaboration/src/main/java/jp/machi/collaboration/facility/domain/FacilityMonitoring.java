package jp.machi.collaboration.facility.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * モニタリング: the municipality's yearly evaluation of a facility's management — a score (1–5) per
 * evaluation item of the module setting, a comment, an overall rating (S, A, B, C) and whether the
 * portal shows it. A child row of the facility (written under its ETag).
 */
@Entity
@Table(name = "collaboration_facility_monitoring")
public class FacilityMonitoring extends TenantOwned {

    /** 総合評価: S (excellent) … C (needs improvement). */
    public static final List<String> RATINGS = List.of("S", "A", "B", "C");

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "facility_id", nullable = false, updatable = false)
    private UUID facilityId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "rating", nullable = false, length = 1)
    private String rating;

    @Column(name = "comment", length = 2000)
    private String comment;

    @Column(name = "published", nullable = false)
    private boolean published;

    @OneToMany(mappedBy = "monitoring", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<FacilityScore> scores = new ArrayList<>();

    protected FacilityMonitoring() {
    }

    public record Score(String item, int score) {
    }

    public FacilityMonitoring(UUID facilityId, int fiscalYear) {
        this.facilityId = facilityId;
        this.fiscalYear = fiscalYear;
    }

    public void revise(List<Score> s, String rating, String comment, boolean published) {
        this.rating = rating;
        this.comment = comment;
        this.published = published;
        scores.clear();
        for (int i = 0; i < s.size(); i++) {
            scores.add(new FacilityScore(this, i + 1, s.get(i).item(), s.get(i).score()));
        }
    }

    public UUID getFacilityId() {
        return facilityId;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getRating() {
        return rating;
    }

    public String getComment() {
        return comment;
    }

    public boolean isPublished() {
        return published;
    }

    public List<Score> getScores() {
        return scores.stream().map(x -> new Score(x.getItem(), x.getScore())).toList();
    }
}
