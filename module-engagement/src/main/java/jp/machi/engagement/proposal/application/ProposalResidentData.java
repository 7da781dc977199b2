package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.engagement.proposal.domain.CitizenProposal;

/** まちづくり提言 in residents' data requests: export by e-mail or phone, anonymisation after the answer. */
@ApplicationScoped
public class ProposalResidentData extends EntityResidentData<CitizenProposal> {

    public static final String SOURCE = "engagement.proposals";

    @Inject
    ProposalService proposals;

    public ProposalResidentData() {
        super(SOURCE, LocalizedText.of("まちづくり提言", "Citizen proposals"), CitizenProposal.class,
                Lookup.byEmailOrPhone("CitizenProposal.byEmail", "CitizenProposal.byPhone", "proposerPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(CitizenProposal p) {
        return p.getReceivedAt();
    }

    @Override
    protected void data(CitizenProposal p, Map<String, Object> data) {
        data.put("receiptNumber", p.getReceiptNumber());
        data.put("receivedAt", p.getReceivedAt().atZoneSameInstant(ProposalService.JAPAN).toOffsetDateTime().toString());
        data.put("field", p.getField());
        data.put("title", p.getTitle());
        data.put("body", p.getBody());
        data.put("proposerName", p.getProposerName());
        data.put("proposerAddress", p.getProposerAddress());
        data.put("proposerPhone", p.getProposerPhone());
        data.put("proposerEmail", p.getProposerEmail());
        data.put("unitName", proposals.unitName(p.getUnitId()).orElse(null));
        data.put("status", p.getStatus().name());
        data.put("answer", p.isAnswerApproved() ? p.getAnswer() : null);
        data.put("published", p.isPublished());
    }

    @Override
    protected List<CitizenProposal> expired(Retention retention) {
        return query("CitizenProposal.expired").setParameter("closedBefore", retention.closedBefore()).getResultList();
    }
}
