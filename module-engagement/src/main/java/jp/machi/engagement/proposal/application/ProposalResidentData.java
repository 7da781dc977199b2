package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.engagement.proposal.domain.CitizenProposal;

/** まちづくり提言 in residents' data requests: export by e-mail or phone, anonymisation after the answer. */
@ApplicationScoped
public class ProposalResidentData implements ResidentDataProvider {

    public static final String SOURCE = "engagement.proposals";

    @Inject
    Tenancy tenancy;

    @Inject
    ProposalService proposals;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("まちづくり提言", "Citizen proposals");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        var em = tenancy.bind(lgCode);
        Map<UUID, CitizenProposal> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("CitizenProposal.byEmail", CitizenProposal.class).setParameter("email", query.email())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("CitizenProposal.byPhone", CitizenProposal.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        return found.values().stream().sorted(Comparator.comparing(CitizenProposal::getReceivedAt)).map(this::record)
                .toList();
    }

    private ResidentRecord record(CitizenProposal p) {
        Map<String, Object> data = new LinkedHashMap<>();
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
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(CitizenProposal.class), p.getId().toString(),
                p.getReceivedAt(), p.getAnonymisedAt() != null,
                PersonalDataFields.present(p).stream().filter(f -> !f.equals("proposerPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (CitizenProposal p : tenancy.bind(lgCode).createNamedQuery("CitizenProposal.expired", CitizenProposal.class)
                .setParameter("closedBefore", retention.closedBefore()).getResultList()) {
            if (p.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}
