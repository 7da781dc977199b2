package jp.machi.core.organization.interfaces.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import jp.machi.core.organization.application.OrganizationService.UnitDetails;
import jp.machi.core.organization.domain.OrganizationChart.Linked;
import jp.machi.core.organization.domain.OrganizationChart.TreeNode;
import jp.machi.core.organization.domain.OrganizationChart.UnitLineage;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.organization.domain.UnitSuccession;

/**
 * JSON shapes of the organisational-units API. Dates are ISO ({@code 2021-04-01}); an open-ended
 * unit has {@code "validTo": null}. Requests take dates, ids and kinds as text so that a malformed
 * one is reported against its field rather than as an unreadable body.
 */
public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    /** Looks a unit up by id, for the parent codes shown next to units. */
    interface Units extends Function<UUID, Optional<OrganizationUnit>> {
    }

    @JsonbPropertyOrder({"ja", "en"})
    public record LabelView(String ja, String en) {
    }

    /** {@code {"code": "DIVISION", "label": {"ja": "課", "en": "Division"}}}. */
    @JsonbPropertyOrder({"code", "label"})
    public record KindView(String code, LabelView label) {
        static KindView of(UnitKind k) {
            return new KindView(k.name(), new LabelView(k.label().ja(), k.label().en()));
        }
    }

    /** A unit as listed: one row of the flat list, of a lineage or of a reorganisation's result. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "nameJa", "nameKana", "nameEn", "kind", "parentId", "parentCode", "validFrom",
        "validTo"})
    public record UnitView(UUID id, String code, String nameJa, String nameKana, String nameEn, KindView kind,
            UUID parentId, String parentCode, LocalDate validFrom, LocalDate validTo) {
        static UnitView of(OrganizationUnit u, Units units) {
            String parentCode = u.getParentId() == null ? null
                    : units.apply(u.getParentId()).map(OrganizationUnit::getCode).orElse(null);
            return new UnitView(u.getId(), u.getCode(), u.getNameJa(), u.getNameKana(), u.getNameEn(),
                    KindView.of(u.getKind()), u.getParentId(), parentCode, u.getValidFrom(), u.getValidTo());
        }
    }

    /** Another unit mentioned by a unit: enough to show it and follow the link. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "nameJa", "validFrom", "validTo"})
    public record UnitRef(UUID id, String code, String nameJa, LocalDate validFrom, LocalDate validTo) {
        static UnitRef of(OrganizationUnit u) {
            return new UnitRef(u.getId(), u.getCode(), u.getNameJa(), u.getValidFrom(), u.getValidTo());
        }
    }

    /** A predecessor or successor, with the day the succession took effect. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "nameJa", "validFrom", "validTo", "effectiveDate"})
    public record SuccessionRef(UUID id, String code, String nameJa, LocalDate validFrom, LocalDate validTo,
            LocalDate effectiveDate) {
        static SuccessionRef of(Linked l) {
            OrganizationUnit u = l.unit();
            return new SuccessionRef(u.getId(), u.getCode(), u.getNameJa(), u.getValidFrom(), u.getValidTo(),
                    l.effectiveDate());
        }
    }

    /** One unit with its parent and what it came from and led to ({@code GET …/{id}}). */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "nameJa", "nameKana", "nameEn", "kind", "validFrom", "validTo", "parent",
        "predecessors", "successors"})
    public record UnitDetailView(UUID id, String code, String nameJa, String nameKana, String nameEn, KindView kind,
            LocalDate validFrom, LocalDate validTo, UnitRef parent, List<SuccessionRef> predecessors,
            List<SuccessionRef> successors) {
        static UnitDetailView of(UnitDetails d) {
            OrganizationUnit u = d.unit();
            return new UnitDetailView(u.getId(), u.getCode(), u.getNameJa(), u.getNameKana(), u.getNameEn(),
                    KindView.of(u.getKind()), u.getValidFrom(), u.getValidTo(), d.parent().map(UnitRef::of).orElse(null),
                    d.predecessors().stream().map(SuccessionRef::of).toList(),
                    d.successors().stream().map(SuccessionRef::of).toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "nameJa", "nameKana", "nameEn", "kind", "validFrom", "validTo", "children"})
    public record TreeNodeView(UUID id, String code, String nameJa, String nameKana, String nameEn, KindView kind,
            LocalDate validFrom, LocalDate validTo, List<TreeNodeView> children) {
        static TreeNodeView of(TreeNode n) {
            OrganizationUnit u = n.unit();
            return new TreeNodeView(u.getId(), u.getCode(), u.getNameJa(), u.getNameKana(), u.getNameEn(),
                    KindView.of(u.getKind()), u.getValidFrom(), u.getValidTo(),
                    n.children().stream().map(TreeNodeView::of).toList());
        }
    }

    /** The tree on one day: its roots, each with its children ordered by code. */
    @JsonbPropertyOrder({"asOf", "roots"})
    public record TreeView(LocalDate asOf, List<TreeNodeView> roots) {
        static TreeView of(LocalDate asOf, List<TreeNode> roots) {
            return new TreeView(asOf, roots.stream().map(TreeNodeView::of).toList());
        }
    }

    /** {@code successor} took over from {@code predecessor} on {@code effectiveDate}. */
    @JsonbPropertyOrder({"predecessorId", "successorId", "effectiveDate"})
    public record SuccessionView(UUID predecessorId, UUID successorId, LocalDate effectiveDate) {
        static SuccessionView of(UnitSuccession s) {
            return new SuccessionView(s.getPredecessorId(), s.getSuccessorId(), s.getEffectiveDate());
        }
    }

    /**
     * A unit's history ({@code GET …/{id}/lineage}): every unit before it and after it, however many
     * reorganisations away, the units that only share a merger or split with it, and the links.
     */
    @JsonbPropertyOrder({"unit", "predecessors", "successors", "related", "successions"})
    public record LineageView(UnitView unit, List<UnitView> predecessors, List<UnitView> successors,
            List<UnitView> related, List<SuccessionView> successions) {
        static LineageView of(UnitLineage l, Units units) {
            return new LineageView(UnitView.of(l.unit(), units),
                    l.predecessors().stream().map(u -> UnitView.of(u, units)).toList(),
                    l.successors().stream().map(u -> UnitView.of(u, units)).toList(),
                    l.related().stream().map(u -> UnitView.of(u, units)).toList(),
                    l.successions().stream().map(SuccessionView::of).toList());
        }
    }

    /**
     * What a reorganisation did: the successor (null for an abolition), every unit it created
     * (the successor first, then the children carried over), the units it closed, the units that
     * moved under a new parent, and the succession links.
     */
    @JsonbNillable
    @JsonbPropertyOrder({"effectiveDate", "successor", "created", "closed", "moved", "successions"})
    public record ReorganizationView(LocalDate effectiveDate, UnitView successor, List<UnitView> created,
            List<UnitView> closed, List<UnitView> moved, List<SuccessionView> successions) {
    }

    /**
     * A reorganisation tried with {@code ?dryRun=true}: the tree on the effective date as it stands
     * and as it would be, and what would be created, closed and moved (the ids of units it would
     * create are not kept: applying it makes new ones).
     */
    @JsonbPropertyOrder({"dryRun", "effectiveDate", "before", "after", "changes"})
    public record ReorganizationPreview(boolean dryRun, LocalDate effectiveDate, TreeView before, TreeView after,
            ReorganizationView changes) {
    }

    /** {@code POST …/organization-units}. {@code validFrom} defaults to today (Japan time). */
    public record NewUnit(String code, String nameJa, String nameKana, String nameEn, @JsonbTypeDeserializer(KindText.class) String kind, String parentId,
            String validFrom) {
    }

    /** {@code PUT …/organization-units/{id}}: corrections of code, names and kind. */
    public record UnitCorrection(String code, String nameJa, String nameKana, String nameEn, @JsonbTypeDeserializer(KindText.class) String kind) {
    }

    /** The unit a reorganisation creates; it starts on the reorganisation's effective date. */
    public record SuccessorSpec(String code, String nameJa, String nameKana, String nameEn, @JsonbTypeDeserializer(KindText.class) String kind,
            String parentId) {
    }

    /** {@code POST …/organization-units/reorganizations}; {@code successor} null abolishes. */
    public record NewReorganization(String effectiveDate, List<String> predecessorIds, SuccessorSpec successor) {
    }

    /**
     * A kind as sent: its code or Japanese label as text, or the {@code {"code": …}} object the API
     * itself writes, so a representation read with GET can be sent back with PUT.
     */
    public static final class KindText implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NULL -> null;
                case OBJECT -> {
                    JsonValue code = value.asJsonObject().get("code");
                    if (code instanceof JsonString text) {
                        yield text.getString();
                    }
                    throw new JsonbException("A kind object needs a text \"code\"");
                }
                default -> throw new JsonbException("Not a kind: " + value.getValueType());
            };
        }
    }
}
