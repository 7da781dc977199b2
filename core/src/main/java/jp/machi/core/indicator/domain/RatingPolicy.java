package jp.machi.core.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * The part of a municipality's rating scale that is not a grade: how years before an indicator's
 * final target year are measured ({@link RatingScale.InterimYears}). No row: the default.
 */
@Entity
@Table(name = "rating_policy")
@NamedQuery(name = "RatingPolicy.mine", query = "SELECT p FROM RatingPolicy p")
public class RatingPolicy extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "interim_years", nullable = false, length = 20)
    private RatingScale.InterimYears interimYears;

    protected RatingPolicy() {
    }

    public RatingPolicy(RatingScale.InterimYears interimYears) {
        this.interimYears = interimYears;
    }

    public RatingScale.InterimYears getInterimYears() {
        return interimYears;
    }

    public void setInterimYears(RatingScale.InterimYears interimYears) {
        this.interimYears = interimYears;
    }
}
