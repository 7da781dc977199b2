package jp.machi.engagement.comment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.comment.domain.CommentSubmission;

/**
 * Public comment submissions in core's personal data machinery: anonymised (name 匿名, address gone,
 * the opinion kept) once the retention period after the procedure's results were published has
 * passed. Submissions hold no e-mail or phone, so a resident's export (found by those) has none: hence
 * not an {@link jp.machi.core.personaldata.EntityResidentData}, which finds rows by those.
 */
@ApplicationScoped
public class CommentResidentData implements ResidentDataProvider {

    public static final String SOURCE = "engagement.public-comments";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("パブリックコメントへの意見", "Public comment submissions");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        return List.of();
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        return Anonymisable.anonymiseAll(tenancy.bind(lgCode).createNamedQuery("CommentSubmission.expired", CommentSubmission.class)
                .setParameter("closedBefore", retention.closedBefore()).getResultList(), OffsetDateTime.now(ZoneOffset.UTC), s -> { });
    }
}
