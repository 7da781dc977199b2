package jp.machi.core.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.module.ModuleIds;

/**
 * A workflow as a module declares it, once: its states (with ja/en labels), its actions — each
 * from some states to one state, with its label, who may take it ({@link Guard}), whether a
 * comment (the reason, e.g. for 差し戻し) is required — and hooks that run with a transition. How
 * a record's state is read and written is given as two functions, so any entity can follow a
 * workflow without a common superclass.
 *
 * <p>A workflow decides ({@link #decide}); {@link WorkflowService} takes the action and records the
 * history. Checks come in this order: an action the workflow does not know; an action the caller
 * may take in no state ({@link Refusal#FORBIDDEN}); an action not possible in the record's current
 * state ({@link Refusal#NOT_NOW}); the caller not allowed for this record now
 * ({@link Refusal#FORBIDDEN}); a required reason missing ({@link Refusal#REASON_REQUIRED}).
 *
 * @param <R> the kind of record (an entity)
 */
public final class Workflow<R> {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    /** The longest workflow id: the history's {@code workflow} column. */
    public static final int ID_MAX = 60;

    /** A workflow's name after its module's id: {@code voice-answer}, {@code item-review}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** A state and its label. */
    public record State(String code, LocalizedText label) {
    }

    /** What runs with a transition, after every check passed; it may still refuse by throwing. */
    @FunctionalInterface
    public interface Hook<R> {
        void run(R record, Step step);
    }

    /** One transition being taken: from, to, the action, the comment (stripped, or null), by whom. */
    public record Step(String from, String to, String action, String comment, Caller caller) {
    }

    /** An action possible from some states, to one state. */
    public static final class Transition<R> {
        private final String action;
        private final LocalizedText label;
        private final Set<String> from;
        private final String to;
        private final Guard<R> who;
        private final boolean reasonRequired;
        private final List<Hook<R>> before;
        private final List<Hook<R>> after;

        Transition(String action, LocalizedText label, Set<String> from, String to, Guard<R> who,
                boolean reasonRequired, List<Hook<R>> before, List<Hook<R>> after) {
            this.action = action;
            this.label = label;
            this.from = Set.copyOf(from);
            this.to = to;
            this.who = who;
            this.reasonRequired = reasonRequired;
            this.before = List.copyOf(before);
            this.after = List.copyOf(after);
        }

        public String action() {
            return action;
        }

        public LocalizedText label() {
            return label;
        }

        public Set<String> from() {
            return from;
        }

        public String to() {
            return to;
        }

        public Guard<R> who() {
            return who;
        }

        public boolean reasonRequired() {
            return reasonRequired;
        }

        List<Hook<R>> before() {
            return before;
        }

        List<Hook<R>> after() {
            return after;
        }
    }

    /** Why an action is refused. */
    public enum Refusal {
        /** The workflow has no such action (400). */
        UNKNOWN_ACTION,
        /** The caller may not take it (403). */
        FORBIDDEN,
        /** Not possible in the record's current state (409 {@code transition-not-allowed}). */
        NOT_NOW,
        /** The action needs a comment (the reason) and got none (400). */
        REASON_REQUIRED
    }

    /**
     * What {@link #decide} found: the record's current state, the transition (when the action is
     * possible now), the refusal (null when allowed) and the actions possible in the current state.
     */
    public record Decision<R>(State current, Transition<R> transition, Refusal refusal,
            List<Transition<R>> possibleNow) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    private final String id;
    private final Map<String, State> states;
    private final List<Transition<R>> transitions;
    private final Function<R, String> stateOf;
    private final BiConsumer<R, String> setState;
    private final Function<R, UUID> idOf;

    private Workflow(Builder<R> b) {
        this.id = b.id;
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(b.states));
        this.stateOf = b.stateOf;
        this.setState = b.setState;
        this.idOf = b.idOf;
        List<Transition<R>> ts = new ArrayList<>();
        for (TransitionBuilder<R> t : b.transitions) {
            ts.add(new Transition<>(t.action, t.label, t.from, t.to, t.who, t.reasonRequired, t.before, t.after));
        }
        this.transitions = List.copyOf(ts);
    }

    /**
     * Begins a workflow's declaration.
     *
     * @param id the workflow's name in the history, {@code <moduleId>.<name>} (e.g. {@code engagement.voice-answer})
     * @param idOf the record's id
     * @param stateOf reads the record's current state code
     * @param setState writes it (the record's version rises with it)
     */
    public static <R> Builder<R> define(String id, Function<R, UUID> idOf, Function<R, String> stateOf,
            BiConsumer<R, String> setState) {
        return new Builder<>(id, idOf, stateOf, setState);
    }

    public String id() {
        return id;
    }

    public List<State> states() {
        return List.copyOf(states.values());
    }

    public List<Transition<R>> transitions() {
        return transitions;
    }

    public State state(String code) {
        State s = states.get(code);
        if (s == null) {
            throw new IllegalStateException("Workflow " + id + " has no state " + code);
        }
        return s;
    }

    public State stateOf(R record) {
        return state(stateOf.apply(record));
    }

    public UUID idOf(R record) {
        return idOf.apply(record);
    }

    void setState(R record, String code) {
        setState.accept(record, state(code).code());
    }

    /** Is {@code action} one of this workflow's actions (in any state)? */
    public boolean knows(String action) {
        return transitions.stream().anyMatch(t -> t.action.equals(action));
    }

    /** The transition {@code action} takes from {@code state}, if it is possible there. */
    public Optional<Transition<R>> transition(String state, String action) {
        return transitions.stream().filter(t -> t.action.equals(action) && t.from.contains(state)).findFirst();
    }

    /** The actions possible in the record's current state, whoever asks. */
    public List<Transition<R>> possibleNow(R record) {
        String current = stateOf.apply(record);
        return transitions.stream().filter(t -> t.from.contains(current)).toList();
    }

    /** The actions {@code caller} may take on the record now (what a screen offers). */
    public List<Transition<R>> available(Caller caller, R record) {
        return possibleNow(record).stream().filter(t -> may(caller, t, record)).toList();
    }

    /** May {@code caller} take {@code t} on the record (whatever its state)? */
    public boolean may(Caller caller, Transition<R> t, R record) {
        return caller != null && (caller.method() == Caller.Method.SYSTEM || t.who.allows(caller, record));
    }

    /** Decides whether {@code caller} may take {@code action} on the record now, with {@code comment}. */
    public Decision<R> decide(Caller caller, R record, String action, String comment) {
        State current = stateOf(record);
        List<Transition<R>> now = possibleNow(record);
        if (action == null || !knows(action)) {
            return new Decision<>(current, null, Refusal.UNKNOWN_ACTION, now);
        }
        boolean everAllowed = transitions.stream().filter(t -> t.action.equals(action))
                .anyMatch(t -> may(caller, t, record));
        if (!everAllowed) {
            return new Decision<>(current, null, Refusal.FORBIDDEN, now);
        }
        Optional<Transition<R>> t = transition(current.code(), action);
        if (t.isEmpty()) {
            return new Decision<>(current, null, Refusal.NOT_NOW, now);
        }
        if (!may(caller, t.get(), record)) {
            return new Decision<>(current, t.get(), Refusal.FORBIDDEN, now);
        }
        if (t.get().reasonRequired && (comment == null || comment.isBlank())) {
            return new Decision<>(current, t.get(), Refusal.REASON_REQUIRED, now);
        }
        return new Decision<>(current, t.get(), null, now);
    }

    /**
     * Is {@code id} a workflow id: {@code <moduleId>.<name>}, where the module id is any the module contract
     * allows ({@link ModuleIds}, dashes included: {@code bousai-drill.item-review}), at most {@link #ID_MAX}
     * characters in all?
     */
    public static boolean validId(String id) {
        String module = ModuleIds.prefixOf(id, '.');
        return module != null && id.length() <= ID_MAX && NAME.matcher(id.substring(module.length() + 1)).matches();
    }

    /** Declares a workflow; {@link #build()} checks it is consistent. */
    public static final class Builder<R> {
        private final String id;
        private final Function<R, UUID> idOf;
        private final Function<R, String> stateOf;
        private final BiConsumer<R, String> setState;
        private final Map<String, State> states = new LinkedHashMap<>();
        private final List<TransitionBuilder<R>> transitions = new ArrayList<>();

        Builder(String id, Function<R, UUID> idOf, Function<R, String> stateOf, BiConsumer<R, String> setState) {
            if (!validId(id)) {
                throw new IllegalArgumentException("A workflow's id is <moduleId>.<name>, lower case, at most "
                        + ID_MAX + " characters: " + id);
            }
            this.id = id;
            this.idOf = Objects.requireNonNull(idOf, "idOf");
            this.stateOf = Objects.requireNonNull(stateOf, "stateOf");
            this.setState = Objects.requireNonNull(setState, "setState");
        }

        public Builder<R> state(String code, String ja, String en) {
            code(code);
            if (states.putIfAbsent(code, new State(code, LocalizedText.of(ja, en))) != null) {
                throw new IllegalArgumentException("State " + code + " declared twice in " + id);
            }
            return this;
        }

        /** Declares action {@code action} (label ja/en) to {@code to}; finish it with {@link TransitionBuilder#done()}. */
        public TransitionBuilder<R> action(String action, String ja, String en, String to) {
            code(action);
            TransitionBuilder<R> t = new TransitionBuilder<>(this, action, LocalizedText.of(ja, en), to);
            transitions.add(t);
            return t;
        }

        public Workflow<R> build() {
            if (states.isEmpty()) {
                throw new IllegalStateException("Workflow " + id + " declares no state");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (TransitionBuilder<R> t : transitions) {
                if (!states.containsKey(t.to)) {
                    throw new IllegalStateException("Action " + t.action + " of " + id + " goes to unknown state " + t.to);
                }
                if (t.from.isEmpty()) {
                    throw new IllegalStateException("Action " + t.action + " of " + id + " is possible from no state");
                }
                if (t.who == null) {
                    throw new IllegalStateException("Action " + t.action + " of " + id + " says nothing of who may take it");
                }
                for (String f : t.from) {
                    if (!states.containsKey(f)) {
                        throw new IllegalStateException("Action " + t.action + " of " + id + " from unknown state " + f);
                    }
                    if (!seen.add(f + "\u0000" + t.action)) {
                        throw new IllegalStateException("Action " + t.action + " of " + id + " declared twice from " + f);
                    }
                }
            }
            return new Workflow<>(this);
        }

        private static void code(String code) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Not a state or action code: " + code);
            }
        }
    }

    /** One action being declared. */
    public static final class TransitionBuilder<R> {
        private final Builder<R> owner;
        private final String action;
        private final LocalizedText label;
        private final String to;
        private final Set<String> from = new LinkedHashSet<>();
        private Guard<R> who;
        private boolean reasonRequired;
        private final List<Hook<R>> before = new ArrayList<>();
        private final List<Hook<R>> after = new ArrayList<>();

        TransitionBuilder(Builder<R> owner, String action, LocalizedText label, String to) {
            this.owner = owner;
            this.action = action;
            this.label = label;
            this.to = to;
        }

        public TransitionBuilder<R> from(String... states) {
            from.addAll(List.of(states));
            return this;
        }

        public TransitionBuilder<R> by(Guard<R> guard) {
            this.who = guard;
            return this;
        }

        /** A comment (the reason) is required, e.g. for 差し戻し. */
        public TransitionBuilder<R> reasonRequired() {
            this.reasonRequired = true;
            return this;
        }

        /** Runs after every check and before anything is written: it may refuse by throwing an ApiException. */
        public TransitionBuilder<R> before(Hook<R> hook) {
            before.add(Objects.requireNonNull(hook));
            return this;
        }

        /** Runs after the state changed and the history was written, in the same transaction. */
        public TransitionBuilder<R> after(Hook<R> hook) {
            after.add(Objects.requireNonNull(hook));
            return this;
        }

        public Builder<R> done() {
            return owner;
        }
    }
}
