package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.collaboration.grant.domain.Fund;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * 基金: funds and their yearly ledger — opening balance, donations and interest in (the fund's entries),
 * grants out (the adopted grants of the calls the fund finances: the amount granted, or after the
 * settlement what was paid and not returned), closing balance. Every figure is summed in the
 * database when the ledger is read.
 */
@ApplicationScoped
@Transactional
public class FundService {

    public static final Sort.Fields SORT = Sort.Fields.of().field("name", "f.name").field("firstYear", "f.firstYear")
            .byDefault("name");

    @Inject
    Tenancy tenancy;

    /** One fiscal year of a fund's ledger (円). */
    public record Year(int fiscalYear, long opening, long donations, long interest, long grantsOut, long closing) {
    }

    public ListQuery<Fund> list(Sort sort) {
        return ListQuery.of(tenancy.em(), Fund.class, "f").orderBy(sort);
    }

    public Fund require(UUID id) {
        Fund f = tenancy.em().find(Fund.class, id);
        if (f == null) {
            throw ApiException.notFound("collaboration.fund.notFound", id.toString());
        }
        return f;
    }

    /** 400 invalid-reference unless the fund is this municipality's. */
    public void requireReference(String field, UUID id) {
        if (id != null && tenancy.em().find(Fund.class, id) == null) {
            throw new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey(field,
                    "collaboration.fund.notFound", id.toString())), "problem.validation.detail");
        }
    }

    public Fund create(Fund.Content c, boolean invented) {
        Fund f = new Fund(c, invented);
        tenancy.em().persist(f);
        tenancy.em().flush();
        return f;
    }

    /** Revises a fund; a change of its entries alone raises its version too. */
    public Fund revise(Fund f, Fund.Content c) {
        if (f.revise(c)) {
            tenancy.em().lock(f, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        tenancy.em().flush();
        return f;
    }

    /** The ledger from the fund's first year to the current fiscal year (or its last entry or call, if later). */
    public List<Year> ledger(Fund f) {
        Map<Integer, long[]> in = new HashMap<>();
        int last = Math.max(f.getFirstYear(), FiscalYear.containing(PartnerService.today()).startYear());
        for (Object[] r : tenancy.em().createQuery("SELECT e.fiscalYear, e.kind, SUM(e.amount) FROM FundEntry e"
                + " WHERE e.fund = :f GROUP BY e.fiscalYear, e.kind", Object[].class).setParameter("f", f).getResultList()) {
            int y = ((Number) r[0]).intValue();
            in.computeIfAbsent(y, k -> new long[3])[r[1] == Fund.Kind.DONATION ? 0 : 1] += ((Number) r[2]).longValue();
            last = Math.max(last, y);
        }
        for (Object[] r : tenancy.em().createQuery("SELECT a.fiscalYear, SUM(CASE WHEN a.paid IS NULL THEN a.grantedAmount"
                + " WHEN a.spent < a.paid THEN a.spent ELSE a.paid END) FROM GrantApplication a, GrantCall c"
                + " WHERE c.id = a.callId AND c.fundId = :f AND a.state = :adopted GROUP BY a.fiscalYear", Object[].class)
                .setParameter("f", f.getId()).setParameter("adopted", GrantApplicationState.ADOPTED).getResultList()) {
            int y = ((Number) r[0]).intValue();
            in.computeIfAbsent(y, k -> new long[3])[2] += r[1] == null ? 0 : ((Number) r[1]).longValue();
            last = Math.max(last, y);
        }
        List<Year> out = new ArrayList<>();
        long balance = f.getOpeningBalance();
        for (int y = f.getFirstYear(); y <= last; y++) {
            long[] v = in.getOrDefault(y, new long[3]);
            long closing = balance + v[0] + v[1] - v[2];
            out.add(new Year(y, balance, v[0], v[1], v[2], closing));
            balance = closing;
        }
        return out;
    }

    /** The closing balances and donations of all funds in a fiscal year; null when no fund's ledger reaches it. */
    public long[] year(FiscalYear fy) {
        long balance = 0;
        long donations = 0;
        boolean any = false;
        for (Fund f : tenancy.em().createQuery("SELECT f FROM Fund f", Fund.class).getResultList()) {
            for (Year y : ledger(f)) {
                if (y.fiscalYear() == fy.startYear()) {
                    balance += y.closing();
                    donations += y.donations();
                    any = true;
                }
            }
        }
        return any ? new long[] {balance, donations} : null;
    }
}
