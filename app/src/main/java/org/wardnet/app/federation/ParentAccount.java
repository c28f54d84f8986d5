package org.wardnet.app.federation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.wardnet.app.access.Accounts;
import org.wardnet.core.access.AccessToken;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.Role;
import org.wardnet.core.access.User;

/**
 * A child node's account for its parent, so the parent can fetch footage and snapshots here on
 * its users' behalf: the investigator and installer roles on this node's own site (footage,
 * exports, verification snapshots; nothing above this node's subtree), a random password nobody
 * is told, and one live token, made anew at each start and announced to the parent (older ones
 * are revoked then).
 *
 * <p>Limits: those roles also allow writes here (cases, camera registration); the parent only
 * reads, and the token never leaves the parent's store (sealed). Requests made with it are
 * audited here as this account, with the parent's user named beside it.
 */
public final class ParentAccount {

    /** The account's name; requests with its token may name the parent's user they are for. */
    public static final String NAME = "parent.access";
    private static final Duration TOKEN_LIFE = Duration.ofDays(3650 - 1);

    private final Accounts accounts;
    private final Clock clock;

    public ParentAccount(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Makes sure the account exists, scoped to {@code ownSite}, and answers a new token's secret. */
    public String freshToken(String ownSite) {
        List<Grant> grants = List.of(new Grant(Role.INVESTIGATOR, ownSite), new Grant(Role.INSTALLER, ownSite));
        User user = accounts.find(NAME).orElse(null);
        if (user == null) {
            accounts.createUser(NAME, null, grants, false);
        } else if (!user.grants().equals(grants) || user.disabled()) {
            accounts.update(NAME, grants, false);
        }
        Principal self = new Principal(NAME, grants, null, false);
        List<AccessToken> older = accounts.tokens(self, NAME).stream().filter(t -> t.revoked() == null).toList();
        Accounts.Issued issued = accounts.createToken(self, NAME, "the parent node's footage access",
                clock.instant().plus(TOKEN_LIFE));
        for (AccessToken token : older) {
            accounts.revokeToken(self, token.id());
        }
        return issued.secret();
    }
}
