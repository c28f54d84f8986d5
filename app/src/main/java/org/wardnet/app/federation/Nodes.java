package org.wardnet.app.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.registry.RecordOwners;
import org.wardnet.core.access.Caller;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * The child nodes a parent knows: registering one gives it an account named {@code node.ID} with
 * the node role on its site (so everything it may push is that site's subtree) and a token, shown
 * once, that the child configures as its credential; revoking disables the account and its tokens
 * at once. The center is a node with no parent: only substations and rooms can be children.
 *
 * <p>Limits: a node's token lives for ten years (the longest any token may); rotating it means
 * revoking the node and registering it again.
 */
public final class Nodes implements RecordOwners {

    /** The prefix of a node's account name. */
    public static final String ACCOUNT_PREFIX = "node.";
    private static final Duration TOKEN_LIFE = Duration.ofDays(3650 - 1);
    /** Deeper than any tier tree: a guard against a cycle in a damaged registry. */
    private static final int MAX_DEPTH = 64;

    private final Accounts accounts;
    private final Registry registry;
    private final Clock clock;
    /** Every registered node (revoked ones too: their records stay theirs); null until first read. */
    private volatile Known known;

    /** The nodes as last read, by id and by the site each owns. */
    private record Known(List<Node> nodes, Map<String, Node> byId, Map<String, String> bySite) {
        static Known of(List<Node> nodes) {
            return new Known(nodes, nodes.stream().collect(Collectors.toUnmodifiableMap(Node::id, n -> n)),
                    nodes.stream().collect(Collectors.toUnmodifiableMap(Node::siteId, Node::id, (a, b) -> a)));
        }
    }

    public Nodes(Accounts accounts, Registry registry, Clock clock) {
        this.accounts = accounts;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The node a caller is, by its account.
     *
     * @throws DomainException FORBIDDEN for a caller that is no tier node
     */
    public static String nodeOf(Caller caller) {
        String user = caller.principal().user();
        if (!user.startsWith(ACCOUNT_PREFIX)) {
            throw DomainException.forbidden("only a tier node's token may do this");
        }
        return user.substring(ACCOUNT_PREFIX.length());
    }

    /** A child node as the parent knows it. */
    public record Node(String id, String siteId, boolean revoked, Instant registered) {
    }

    /** A node just registered, with its token's secret (shown only here). */
    public record Registered(Node node, String token) {
    }

    /**
     * @throws DomainException INVALID for a bad id or a site that is not a substation or room,
     *                         CONFLICT when the node exists
     */
    public Registered register(Caller caller, String id, String siteId) {
        if (id == null || !Ids.isValid(id)) {
            throw DomainException.badRequest("id", "a node id matches [A-Za-z0-9._-]{1,64}");
        }
        Site site = siteId == null ? null : registry.site(siteId).orElse(null);
        if (site == null) {
            throw DomainException.badRequest("siteId", "no site '" + siteId + "'");
        }
        if (site.tier() == Tier.CENTER) {
            throw DomainException.badRequest("siteId", "the center has no parent: a child node is a substation or"
                    + " a room");
        }
        String account = ACCOUNT_PREFIX + id;
        if (accounts.find(account).isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "node-exists", "Node exists",
                    "a node '" + id + "' is registered already; revoke it first to register it again");
        }
        User user = accounts.createNodeAccount(account, siteId);
        Accounts.Issued issued = accounts.createToken(caller.principal(), account, "tier node " + id,
                clock.instant().plus(TOKEN_LIFE));
        known = null; // read again at the next question
        return new Registered(view(user), issued.secret());
    }

    /** Every node registered here, by id (revoked ones too). Answers from memory after the first call. */
    public List<Node> list() {
        return known().nodes();
    }

    /** The node of {@code nodeId}, revoked or not. */
    public Optional<Node> find(String nodeId) {
        return Optional.ofNullable(known().byId().get(nodeId));
    }

    private Known known() {
        Known current = known;
        if (current == null) {
            current = Known.of(accounts.all().stream().filter(Nodes::isNode).map(Nodes::view)
                    .sorted(Comparator.comparing(Node::id)).toList());
            known = current;
        }
        return current;
    }

    /** @throws DomainException NOT_FOUND when there is no such node */
    public Node revoke(String id) {
        String account = ACCOUNT_PREFIX + id;
        account(account).orElseThrow(() -> DomainException.notFound("no node '" + id + "'"));
        accounts.disableNodeAccount(account);
        known = null; // read again at the next question
        return view(accounts.find(account).orElseThrow());
    }

    /**
     * Whether {@code siteId} lies in a registered node's subtree: its records are that node's, and
     * its cameras are probed by that node, not here. Answers from memory after the first call.
     */
    public boolean owns(String siteId) {
        return ownerOf(siteId).isPresent();
    }

    @Override
    public Optional<String> ownerOf(String siteId) {
        Map<String, String> roots = roots();
        int depth = 0;
        for (String id = siteId; id != null && !roots.isEmpty() && depth < MAX_DEPTH; depth++) {
            String node = roots.get(id);
            if (node != null) {
                return Optional.of(node);
            }
            id = registry.site(id).map(Site::parentId).orElse(null);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> ownerWithin(String siteId) {
        for (Map.Entry<String, String> root : roots().entrySet()) {
            int depth = 0;
            for (String id = root.getKey(); id != null && depth < MAX_DEPTH; depth++) {
                if (id.equals(siteId)) {
                    return Optional.of(root.getValue());
                }
                id = registry.site(id).map(Site::parentId).orElse(null);
            }
        }
        return Optional.empty();
    }

    private Map<String, String> roots() {
        return known().bySite();
    }

    private Optional<User> account(String account) {
        return accounts.find(account).filter(Nodes::isNode);
    }

    private static boolean isNode(User user) {
        return user.name().startsWith(ACCOUNT_PREFIX) && user.grants().stream().anyMatch(g -> g.role() == Role.NODE);
    }

    private static Node view(User user) {
        String site = user.grants().stream().filter(g -> g.role() == Role.NODE).map(Grant::siteId).findFirst()
                .orElseThrow();
        return new Node(user.name().substring(ACCOUNT_PREFIX.length()), site, user.disabled(), user.created());
    }
}
