package jp.machi.core.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** One grade of a municipality's own rating scale, stored as rows; see {@link RatingScale}. */
@Entity
@Table(name = "rating_grade")
@NamedQuery(name = "RatingGrade.all", query = "SELECT g FROM RatingGrade g ORDER BY g.position")
public class RatingGrade extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "label", nullable = false, length = 10)
    private String label;

    @Column(name = "minimum_percent", nullable = false, precision = 9, scale = 2)
    private BigDecimal minimumPercent;

    protected RatingGrade() {
    }

    public RatingGrade(int position, RatingScale.Grade grade) {
        this.position = position;
        this.label = grade.label();
        this.minimumPercent = grade.minimumPercent();
    }

    public RatingScale.Grade toGrade() {
        return new RatingScale.Grade(label, minimumPercent);
    }
}
