package io.jenkins.plugins.installerpipeline.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

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

    /** A composer over this parser that tells it which node each anchor names. */
    Composer composer(LoaderOptions options) {
        return new Composer(this, new Resolver(), options) {
            @Override
            protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
                return anchored(anchor, super.composeScalarNode(anchor, blockComments));
            }

            @Override
            protected Node composeSequenceNode(String anchor) {
                return anchored(anchor, super.composeSequenceNode(anchor));
            }

            @Override
            protected Node composeMappingNode(String anchor) {
                return anchored(anchor, super.composeMappingNode(anchor));
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
