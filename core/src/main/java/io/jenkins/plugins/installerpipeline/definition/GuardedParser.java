package io.jenkins.plugins.installerpipeline.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Watches the parser's events on their way to the composer: refuses explicit non-plain tags at the exact place
 * they are written, before any node is made; refuses recursive aliases; and records every alias use (its target
 * node and nesting depth) so the expansion limit is checked without walking the whole tree.
 */
final class GuardedParser implements Parser {

    /** Tags a user may write explicitly ({@code !!str 123}); everything else is refused. */
    static final Set<String> PLAIN_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(),
            Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.TIMESTAMP.getValue(), Tag.BINARY.getValue(),
            Tag.MERGE.getValue(), Tag.MAP.getValue(), Tag.SEQ.getValue(), "!");

    /** Thrown to stop composing at a refused tag. */
    static final class RefusedTag extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String tag;
        final transient Mark mark;

        RefusedTag(String tag, Mark mark) {
            super(tag, null, false, false);
            this.tag = tag;
            this.mark = mark;
        }
    }

    /** Thrown to stop composing at an alias to a collection that is still open. */
    static final class RecursiveAlias extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark mark;

        RecursiveAlias(Mark mark) {
            super("recursive alias", null, false, false);
            this.mark = mark;
        }
    }

    /**
     * One use of an alias.
     *
     * @param target the anchored node it stands for
     * @param depth  how deeply nested the alias is written
     * @param mark   where it is written
     */
    record AliasUse(Node target, int depth, Mark mark) {}

    private final Parser delegate;
    private final Map<String, Node> anchoredNodes = new HashMap<>();
    private final Map<String, Boolean> anchorOpen = new HashMap<>();
    private final Deque<String> openCollections = new ArrayDeque<>();
    private final List<AliasUse> aliasUses = new ArrayList<>();
    private int depth;

    GuardedParser(Parser delegate) {
        this.delegate = delegate;
    }

    /** Stands in the tree for every top-level step already read: one shared node, so a step costs no node. */
    static final Node PLACEHOLDER = new ScalarNode(Tag.STR, "", null, null, DumperOptions.ScalarStyle.PLAIN);

    /** Receives each top-level step as soon as it is composed. */
    interface StepSink {
        /** Reads the step (called in document order); the tree keeps {@link #PLACEHOLDER} in its place. */
        void composed(Node step);

        /**
         * The steps list {@code steps} is composed: the steps passed to {@link #composed} since the previous call
         * are its placeholders, in order.
         */
        void stepsComposed(SequenceNode steps);
    }

    /**
     * A composer over this parser that tells it which node each anchor names, and hands each top-level step (an
     * unanchored mapping or scalar directly in the root's {@code steps} list, or in a root that is itself a list)
     * to {@code sink} as soon as it is composed. Reading steps while composing keeps only one step's nodes alive at
     * a time, instead of the whole document's: for big definitions, holding every node made garbage collection the
     * largest cost.
     */
    Composer composer(LoaderOptions options, StepSink sink) {
        return new Composer(this, new ImplicitTags(), options) {
            private int collectionDepth;
            private Node lastRootKey;
            /** Composing the value of the root mapping's {@code steps}. */
            private boolean inRootSteps;
            /** The collection depth at which top-level steps are being composed; 0 when none are. */
            private int stepDepth;

            /** Whether the node just composed is an item of the top-level steps list, to be read now. */
            private boolean isTopLevelStep(String anchor) {
                // An anchored step stays a node: an alias further down may use it.
                return anchor == null && stepDepth != 0 && collectionDepth == stepDepth;
            }

            private Node toSink(Node node) {
                sink.composed(node);
                return PLACEHOLDER;
            }

            @Override
            protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
                Node node = anchored(anchor, super.composeScalarNode(anchor, blockComments));
                return isTopLevelStep(anchor) ? toSink(node) : node;
            }

            @Override
            protected Node composeSequenceNode(String anchor) {
                // The steps: a root list, or the list under the root's steps. An anchored list stays nodes.
                boolean steps = anchor == null && (collectionDepth == 0 || inRootSteps && collectionDepth == 1);
                collectionDepth++;
                if (steps) {
                    stepDepth = collectionDepth;
                }
                Node node;
                try {
                    node = anchored(anchor, super.composeSequenceNode(anchor));
                } finally {
                    collectionDepth--;
                    if (steps) {
                        stepDepth = 0;
                    }
                }
                if (steps) {
                    sink.stepsComposed((SequenceNode) node);
                }
                return node;
            }

            @Override
            protected Node composeMappingNode(String anchor) {
                Node node;
                collectionDepth++;
                try {
                    node = anchored(anchor, super.composeMappingNode(anchor));
                } finally {
                    collectionDepth--;
                }
                return isTopLevelStep(anchor) ? toSink(node) : node;
            }

            @Override
            protected Node composeKeyNode(MappingNode node) {
                Node key = super.composeKeyNode(node);
                if (collectionDepth == 1) {
                    lastRootKey = key;
                }
                return key;
            }

            @Override
            protected Node composeValueNode(MappingNode node) {
                if (collectionDepth != 1 || stepDepth != 0 || !(lastRootKey instanceof ScalarNode key)
                        || !key.getTag().equals(Tag.STR) || !"steps".equals(key.getValue())) {
                    return super.composeValueNode(node);
                }
                inRootSteps = true;
                try {
                    return super.composeValueNode(node);
                } finally {
                    inRootSteps = false;
                }
            }
        };
    }

    private Node anchored(String anchor, Node node) {
        if (anchor != null) {
            anchoredNodes.put(anchor, node);
        }
        return node;
    }

    /** Every alias use, in document order. */
    List<AliasUse> aliasUses() {
        return aliasUses;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = delegate.getEvent();
        String tag = null;
        if (event instanceof ScalarEvent scalar) {
            tag = scalar.getTag();
            if (scalar.getAnchor() != null) {
                anchorOpen.put(scalar.getAnchor(), false);
            }
        } else if (event instanceof CollectionStartEvent collection) {
            tag = collection.getTag();
            depth++;
            String anchor = collection.getAnchor() == null ? "" : collection.getAnchor();
            openCollections.push(anchor);
            if (!anchor.isEmpty()) {
                anchorOpen.put(anchor, true);
            }
        } else if (event instanceof CollectionEndEvent) {
            depth--;
            String anchor = openCollections.pop();
            if (!anchor.isEmpty()) {
                anchorOpen.put(anchor, false);
            }
        } else if (event instanceof AliasEvent alias) {
            if (Boolean.TRUE.equals(anchorOpen.get(alias.getAnchor()))) {
                throw new RecursiveAlias(alias.getStartMark());
            }
            Node target = anchoredNodes.get(alias.getAnchor());
            if (target != null) { // else the composer reports the undefined alias
                aliasUses.add(new AliasUse(target, depth, alias.getStartMark()));
            }
        }
        if (tag != null && !PLAIN_TAGS.contains(tag)) {
            throw new RefusedTag(tag, event.getStartMark());
        }
        return event;
    }
}
