# Varnish in front of Liner Notes: caches what the app marks public (s-maxage), and drops
# pages by cache tag when the app sends `PURGE` with an `xkey-purge` header (core/edge.py).
# Needs Debian's varnish and varnish-modules (the xkey vmod). Set the backend to your
# app servers and the purgers ACL to the addresses they purge from; the app's
# EDGE_PURGE_URLS then lists this Varnish, e.g. http://127.0.0.1:6081/.
vcl 4.1;

import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # Editors carry a session cookie and always reach the app; readers' other cookies
    # (analytics, say) must not split the cache, and the app never reads them.
    if (req.http.Cookie !~ "sessionid=") {
        unset req.http.Cookie;
    }
}

sub vcl_deliver {
    # The tags are for this cache only.
    unset resp.http.xkey;
}
