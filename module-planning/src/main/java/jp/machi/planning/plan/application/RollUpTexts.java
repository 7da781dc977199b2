package jp.machi.planning.plan.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import jp.machi.core.api.Decimals;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.i18n.Messages;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.RollUp;
import jp.machi.planning.plan.domain.RollUpRule;

/**
 * The roll-up in words, Japanese and English, so that a screen can show how every score came
 * about: the plan's rule, each node's formula with the terms it left out and why, and each term's
 * own derivation ("achievement 87.3 % (actual 78.6 ÷ target 90)").
 */
public final class RollUpTexts {

    private static final List<Locale> LANGUAGES = List.of(Languages.JAPANESE, Languages.ENGLISH);

    private RollUpTexts() {
    }

    /** The plan's rule as a paragraph. */
    public static LocalizedText rule(RollUpRule rule) {
        return both(l -> Messages.get(l, "planning.rollup.rule", counted(rule, l), plain(rule.capPercent())));
    }

    private static String counted(RollUpRule rule, Locale l) {
        String key = rule.counts(LinkRole.OUTCOME) && rule.counts(LinkRole.PROCESS) ? "OUTCOME_PROCESS"
                : rule.counts(LinkRole.OUTCOME) ? "OUTCOME" : "PROCESS";
        return Messages.get(l, "planning.rollup.counted." + key);
    }

    /**
     * A node's formula: "得点 = (87.3 + 100.0) ÷ 2 = 93.7。除外: 35.P1（…）", or that it has no score.
     *
     * @param labels the label of each term's id (an indicator link's or a child node's)
     */
    public static LocalizedText formula(RollUp.NodeResult r, Function<UUID, LocalizedText> labels, FiscalYear fy,
            RollUpRule rule) {
        return both(l -> {
            List<RollUp.Term> in = r.includedTerms();
            StringBuilder s = new StringBuilder();
            if (in.isEmpty()) {
                s.append(Messages.get(l, "planning.rollup.formula.none"));
            } else if (in.size() == 1) {
                s.append(Messages.get(l, "planning.rollup.formula.single", r.score().toPlainString(),
                        labels.apply(in.get(0).id()).in(l)));
            } else {
                boolean unweighted = in.stream().allMatch(t -> t.weight().compareTo(BigDecimal.ONE) == 0);
                List<String> products = new ArrayList<>();
                List<String> weights = new ArrayList<>();
                for (RollUp.Term t : in) {
                    products.add(unweighted ? t.score().toPlainString() : t.score().toPlainString() + " × " + plain(t.weight()));
                    weights.add(plain(t.weight()));
                }
                String denominator = unweighted ? Integer.toString(in.size()) : "(" + String.join(" + ", weights) + ")";
                String expression = "(" + String.join(" + ", products) + ") ÷ " + denominator;
                s.append(Messages.get(l, "planning.rollup.formula", expression, r.score().toPlainString()));
            }
            List<RollUp.Term> out = r.excludedTerms();
            if (!out.isEmpty()) {
                List<String> items = new ArrayList<>();
                for (RollUp.Term t : out) {
                    items.add(Messages.get(l, "planning.rollup.leftOut.item", labels.apply(t.id()).in(l),
                            exclusion(t, fy, rule, l)));
                }
                s.append(Messages.get(l, "planning.rollup.leftOut",
                        String.join(Messages.get(l, "planning.rollup.separator"), items)));
            }
            return s.toString();
        });
    }

    /** How one term got its score, and why it is left out if it is. */
    public static LocalizedText term(RollUp.Term t, RollUp.IndicatorInput input, FiscalYear fy, RollUpRule rule) {
        return both(l -> {
            String basis = basis(t, input, rule, l);
            if (t.included()) {
                return basis;
            }
            String why = exclusion(t, fy, rule, l);
            return basis == null ? Messages.get(l, "planning.rollup.excluded", why)
                    : Messages.get(l, "planning.rollup.basisExcluded", basis, why);
        });
    }

    private static String basis(RollUp.Term t, RollUp.IndicatorInput input, RollUpRule rule, Locale l) {
        if (t.basis() == null) {
            return null;
        }
        switch (t.basis()) {
            case ROLL_UP:
                return t.score() == null ? null : Messages.get(l, "planning.rollup.basis.ROLL_UP", t.score().toPlainString());
            case RATE:
            case CAPPED: {
                String rate = Messages.get(l, input.direction() == Direction.LOWER_IS_BETTER
                        ? "planning.rollup.basis.rate.lower" : "planning.rollup.basis.rate.higher",
                        t.achievement().ratePercent().toPlainString(), plain(input.actual()), plain(input.target()));
                return t.basis() == RollUp.Basis.RATE ? rate
                        : Messages.get(l, "planning.rollup.basis.capped", rate, plain(rule.capPercent()), t.score().toPlainString());
            }
            case MET:
            case NOT_MET: {
                String kind = input.direction() == Direction.CEILING ? "ceiling" : "other";
                return Messages.get(l, "planning.rollup.basis." + t.basis().name() + "." + kind, plain(input.actual()),
                        plain(input.target()));
            }
            default:
                return null;
        }
    }

    private static String exclusion(RollUp.Term t, FiscalYear fy, RollUpRule rule, Locale l) {
        RollUp.Exclusion e = t.exclusion();
        if (e == RollUp.Exclusion.ROLE_NOT_COUNTED) {
            // Only two roles: the one left out is the one the rule does not count.
            LinkRole role = rule.counts(LinkRole.OUTCOME) ? LinkRole.PROCESS : LinkRole.OUTCOME;
            return Messages.get(l, "planning.rollup.exclusion.ROLE_NOT_COUNTED", Messages.get(l, "planning.role." + role.name()));
        }
        return Messages.get(l, "planning.rollup.exclusion." + e.name(), fy.label(l));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : Decimals.plain(v).toPlainString();
    }

    private static LocalizedText both(Function<Locale, String> text) {
        return LocalizedText.of(text.apply(LANGUAGES.get(0)), text.apply(LANGUAGES.get(1)));
    }
}
