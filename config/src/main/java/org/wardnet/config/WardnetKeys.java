package org.wardnet.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key Wardnet reads, in the order the default file lists them.
 *
 * <p>A key's description is the documentation: it is written above the key in the generated
 * {@code wardnet.yaml}, and a test keeps that file equal to what this class generates.
 * Adding a key here is all it takes to make it configurable from the file, the environment and
 * {@code --set}.
 */
public final class WardnetKeys {

    private static final long MIB = 1024L * 1024L;

    /** The section headings of the default file, in order, with what each section governs. */
    public static final Map<String, String> SECTIONS = sections();

    /** Address the HTTP API binds to. */
    public static final ConfigKey<String> SERVER_HOST = new ConfigKey<>("server.host",
            ValueType.text(255, false), "127.0.0.1",
            "Address the HTTP API listens on. The default answers this machine only;"
                    + " use 0.0.0.0 to serve the network.");

    /** TCP port of the HTTP API. */
    public static final ConfigKey<Integer> SERVER_PORT = new ConfigKey<>("server.port",
            ValueType.integer(0, 65535), 8080,
            "TCP port of the HTTP API; 0 picks a free port (the chosen one is printed at start).");

    /** Netty event-loop threads. */
    public static final ConfigKey<Integer> SERVER_IO_THREADS = new ConfigKey<>("server.ioThreads",
            ValueType.integer(0, 256), 0,
            "Event-loop threads that accept connections and parse HTTP; 0 means one per CPU core.");

    /** What this server does on its store: everything, or the API beside the store's one full server. */
    public static final ConfigKey<String> SERVER_ROLE = new ConfigKey<>("server.role", ValueType.choice("FULL", "API"),
            "FULL", "FULL: the API and what runs once per store (health probing, recording, child nodes' pushes),"
                    + " holding the store's lease; API: the API only, beside a full server on the same PostgreSQL.");

    /** Longest request line accepted. */
    public static final ConfigKey<Integer> SERVER_MAX_INITIAL_LINE_BYTES = new ConfigKey<>(
            "server.maxInitialLineBytes", ValueType.integer(256, 65536), 4096,
            "Longest request line (method, path, query, version); longer ones get 414.");

    /** Largest total of request headers accepted. */
    public static final ConfigKey<Integer> SERVER_MAX_HEADER_BYTES = new ConfigKey<>(
            "server.maxHeaderBytes", ValueType.integer(1024, 1048576), 8192,
            "Largest total size of a request's headers; larger ones get 431.");

    /** Largest JSON request body. */
    public static final ConfigKey<Long> SERVER_MAX_JSON_BODY_BYTES = new ConfigKey<>(
            "server.maxJsonBodyBytes", ValueType.longInteger(1024, 256 * MIB), MIB,
            "Largest JSON request body; larger ones get 413 before they are read in full.");

    /** Largest bulk-import request body. */
    public static final ConfigKey<Long> SERVER_MAX_IMPORT_BODY_BYTES = new ConfigKey<>(
            "server.maxImportBodyBytes", ValueType.longInteger(1024, 1024 * MIB), 64 * MIB,
            "Largest body of POST /api/v1/cameras/import (CSV or NDJSON), PUT /api/v1/track/streets (GeoJSON or"
                    + " CSV), and NDJSON batches to POST /api/v1/clips and POST /api/v1/sightings (an edge recorder"
                    + " syncing a day of its index); larger ones get 413.");

    /** Time allowed to receive one whole request. */
    public static final ConfigKey<Integer> SERVER_REQUEST_TIMEOUT_SECONDS = new ConfigKey<>(
            "server.requestTimeoutSeconds", ValueType.integer(1, 3600), 30,
            "Seconds a client has to send one whole request, and the server to answer it;"
                    + " a slower request is answered 408 (or 503 when the server is the slow side).");

    /** Time a keep-alive connection may stay idle. */
    public static final ConfigKey<Integer> SERVER_IDLE_TIMEOUT_SECONDS = new ConfigKey<>(
            "server.idleTimeoutSeconds", ValueType.integer(1, 86400), 120,
            "Seconds an idle keep-alive connection is kept open before the server closes it.");

    /** Most simultaneous client connections. */
    public static final ConfigKey<Integer> SERVER_MAX_CONNECTIONS = new ConfigKey<>(
            "server.maxConnections", ValueType.integer(1, 1_000_000), 4096,
            "Most client connections open at once; further ones are closed on accept.");

    /** Most writes waiting for the store. */
    public static final ConfigKey<Integer> SERVER_MAX_QUEUED_WRITES = new ConfigKey<>(
            "server.maxQueuedWrites", ValueType.integer(1, 100_000), 1024,
            "Most write requests waiting for the store at once; further ones get 503 with Retry-After.");

    /** TLS certificate chain (PEM). */
    public static final ConfigKey<String> SERVER_TLS_CERTIFICATE_FILE = new ConfigKey<>("server.tlsCertificateFile",
            ValueType.text(4096, true), "",
            "PEM certificate chain of the API's TLS listener. With tlsKeyFile set, the API speaks HTTPS only;"
                    + " both empty (and tlsSelfSigned false) means plain HTTP, for a loopback or a trusted proxy.");

    /** TLS private key (PEM). */
    public static final ConfigKey<String> SERVER_TLS_KEY_FILE = new ConfigKey<>("server.tlsKeyFile",
            ValueType.text(4096, true), "",
            "PEM private key (PKCS#8) matching tlsCertificateFile; keep it readable by the server's user only.");

    /** Self-signed TLS for trying things out. */
    public static final ConfigKey<Boolean> SERVER_TLS_SELF_SIGNED = new ConfigKey<>("server.tlsSelfSigned",
            ValueType.bool(), false,
            "Without a certificate file, make a self-signed one for localhost and 127.0.0.1 under dataDir/tls"
                    + " (kept across starts) and serve HTTPS with it. For the demo and tests; clients must be told to"
                    + " trust dataDir/tls/cert.pem.");

    /** Plain-HTTP port that redirects to HTTPS. */
    public static final ConfigKey<Integer> SERVER_HTTP_REDIRECT_PORT = new ConfigKey<>("server.httpRedirectPort",
            ValueType.integer(-1, 65535), -1,
            "With TLS on, also listen for plain HTTP on this port and answer every request with a 308 redirect to"
                    + " the HTTPS address; -1 for no such listener.");

    /** Page size when a list request names none. */
    public static final ConfigKey<Integer> API_DEFAULT_PAGE_SIZE = new ConfigKey<>(
            "api.defaultPageSize", ValueType.integer(1, 10_000), 100,
            "Items per page of a list when the request gives no limit.");

    /** Largest page a client may ask for. */
    public static final ConfigKey<Integer> API_MAX_PAGE_SIZE = new ConfigKey<>(
            "api.maxPageSize", ValueType.integer(1, 10_000), 1000,
            "Largest limit a list request may ask for; a larger one gets 400.");

    /** How long a media link stays valid. */
    public static final ConfigKey<Integer> API_MEDIA_LINK_SECONDS = new ConfigKey<>(
            "api.mediaLinkSeconds", ValueType.integer(10, 86_400), 600,
            "How long a link made by POST /api/v1/clips/{id}/media-link opens that one clip's video. A browser's"
                    + " video element cannot send a bearer token, so the console plays footage through such links;"
                    + " a user whose grant is withdrawn keeps the clips already linked until their links expire.");

    /** Most rows of one bulk import. */
    public static final ConfigKey<Integer> API_MAX_IMPORT_ROWS = new ConfigKey<>(
            "api.maxImportRows", ValueType.integer(1, 1_000_000), 100_000,
            "Most rows (cameras) in one bulk import; a larger file gets 413.");

    /** Directory for the embedded store and other state. */
    public static final ConfigKey<String> STORE_DATA_DIR = new ConfigKey<>("store.dataDir",
            ValueType.text(4096, false), "./data",
            "Directory for the embedded H2 database and other state; created if missing.");

    /** JDBC URL of an external database. */
    public static final ConfigKey<String> STORE_JDBC_URL = new ConfigKey<>("store.jdbcUrl",
            ValueType.text(4096, true), "",
            "JDBC URL of the database. Empty means the embedded H2 file under dataDir;"
                    + " jdbc:postgresql://HOST/DB selects PostgreSQL.");

    /** Database user. */
    public static final ConfigKey<String> STORE_USERNAME = new ConfigKey<>("store.username",
            ValueType.text(255, true), "wardnet",
            "Database user (ignored for the embedded store).");

    /** Database password. */
    public static final ConfigKey<String> STORE_PASSWORD = new ConfigKey<>("store.password",
            ValueType.text(1024, true), "",
            "Database password (ignored for the embedded store). Prefer the environment"
                    + " variable WARDNET_STORE_PASSWORD to writing it here.");

    /** Where the key that seals camera credentials is kept. */
    public static final ConfigKey<String> STORE_SECRET_KEY_FILE = new ConfigKey<>("store.secretKeyFile",
            ValueType.text(4096, true), "",
            "File holding the AES-256 key that seals camera passwords in the store (base64). Empty means"
                    + " secret.key under dataDir. Created on first start, readable by its owner only; back it up"
                    + " with the database, which is useless without it. 'wardnet rotate-key' replaces it.");

    /** The key itself, instead of a file. */
    public static final ConfigKey<String> STORE_SECRET_KEY = new ConfigKey<>("store.secretKey",
            ValueType.text(64, true), "",
            "The credential-sealing key as base64 (32 bytes), instead of the key file. Set it through the"
                    + " environment (WARDNET_STORE_SECRET_KEY), never in a file others can read.");

    /** Pooled database connections. */
    public static final ConfigKey<Integer> STORE_MAX_POOL_SIZE = new ConfigKey<>("store.maxPoolSize",
            ValueType.integer(1, 64), 4,
            "Most database connections held open; store work runs on as many threads.");

    /** Whether audit entries go through a journal file before the database. */
    public static final ConfigKey<String> STORE_AUDIT_JOURNAL = new ConfigKey<>("store.auditJournal",
            ValueType.choice("AUTO", "ON", "OFF"), "AUTO",
            "Audit entries are forced to a journal file under dataDir/audit-journal before their requests are"
                    + " answered, and indexed into the database after. AUTO: with the embedded store only. ON needs this"
                    + " server to be the only one writing the database's audit trail; servers sharing one write it directly.");

    /** When the audit journal is forced to the disk. */
    public static final ConfigKey<String> STORE_AUDIT_JOURNAL_SYNC = new ConfigKey<>("store.auditJournalSync",
            ValueType.choice("PERIODIC", "EACH_GROUP"), "PERIODIC",
            "Journaled audit entries are always written before their requests are answered, so a killed server"
                    + " loses none. PERIODIC forces the journal to the disk every 100 ms, under load whole pages"
                    + " only, the last partial one the next time (a power cut can lose up to 200 ms, like the embedded"
                    + " store's own commits); EACH_GROUP forces before answering, at an fsync"
                    + " per group of entries.");

    /** Whether registered cameras are probed. */
    public static final ConfigKey<Boolean> HEALTH_ENABLED = new ConfigKey<>("health.enabled", ValueType.bool(), true,
            "Probe every registered camera's RTSP service and track its health.");

    /** Time between two probes of one camera. */
    public static final ConfigKey<Integer> HEALTH_INTERVAL_SECONDS = new ConfigKey<>("health.intervalSeconds",
            ValueType.integer(5, 3600), 60,
            "Seconds between two probes of the same camera; probes are spread evenly over this interval.");

    /** Probes running at once. */
    public static final ConfigKey<Integer> HEALTH_MAX_IN_FLIGHT = new ConfigKey<>("health.maxInFlight",
            ValueType.integer(1, 10_000), 512,
            "Most probes running at once; further due probes wait in a queue (each open probe holds a socket).");

    /** Probe depth of an ordinary round. */
    public static final ConfigKey<String> HEALTH_DEPTH = new ConfigKey<>("health.depth",
            ValueType.choice("OPTIONS", "DESCRIBE", "MEDIA"), "OPTIONS",
            "How far an ordinary probe goes: OPTIONS (the service answers), DESCRIBE (the stream exists,"
                    + " with codec and size) or MEDIA (plays until the first key frame).");

    /** Every Nth round is a media check. */
    public static final ConfigKey<Integer> HEALTH_MEDIA_EVERY_ROUND = new ConfigKey<>("health.mediaEveryRound",
            ValueType.integer(0, 10_000), 0,
            "Every Nth probe of a camera is a MEDIA check (plays until a key frame); 0 never.");

    /** K of the hysteresis. */
    public static final ConfigKey<Integer> HEALTH_OFFLINE_AFTER_FAILURES = new ConfigKey<>(
            "health.offlineAfterFailures", ValueType.integer(1, 100), 3,
            "Consecutive failed probes before a camera is called OFFLINE ...");

    /** T of the hysteresis. */
    public static final ConfigKey<Integer> HEALTH_OFFLINE_AFTER_SECONDS = new ConfigKey<>(
            "health.offlineAfterSeconds", ValueType.integer(0, 86_400), 100,
            "... and the time those failures must span at least, so a short outage raises no alarm. Keep it a"
                    + " little under (offlineAfterFailures - 1) intervals: probes are never exactly one interval"
                    + " apart, and a span that falls short by a moment would delay OFFLINE by a whole round.");

    /** M of the hysteresis. */
    public static final ConfigKey<Integer> HEALTH_ONLINE_AFTER_SUCCESSES = new ConfigKey<>(
            "health.onlineAfterSuccesses", ValueType.integer(1, 100), 2,
            "Consecutive good probes before an OFFLINE camera is up again.");

    /** Slow threshold. */
    public static final ConfigKey<Integer> HEALTH_SLOW_AFTER_MILLIS = new ConfigKey<>("health.slowAfterMillis",
            ValueType.integer(1, 600_000), 1_000,
            "A probe answered slower than this makes the camera DEGRADED (slow).");

    /** Minimum cameras for site correlation. */
    public static final ConfigKey<Integer> HEALTH_SITE_CORRELATION_MINIMUM = new ConfigKey<>(
            "health.siteCorrelationMinimum", ValueType.integer(1, 100_000), 3,
            "A site is called UNREACHABLE (one alarm for all its cameras) when all its cameras, at least this"
                    + " many, fail to connect together.");

    /** TCP connect timeout of a probe. */
    public static final ConfigKey<Integer> HEALTH_CONNECT_TIMEOUT_MILLIS = new ConfigKey<>(
            "health.connectTimeoutMillis", ValueType.integer(100, 60_000), 3_000,
            "Time a probe waits for the camera's TCP connection.");

    /** RTSP request timeout of a probe. */
    public static final ConfigKey<Integer> HEALTH_REQUEST_TIMEOUT_MILLIS = new ConfigKey<>(
            "health.requestTimeoutMillis", ValueType.integer(100, 120_000), 5_000,
            "Time a probe waits for each RTSP answer; a camera slower than this counts as failed.");

    /** All keys, in file order. */
    /** ONVIF TCP connect bound. */
    public static final ConfigKey<Integer> ONVIF_CONNECT_TIMEOUT_MILLIS = new ConfigKey<>("onvif.connectTimeoutMillis",
            ValueType.integer(100, 60_000), 3_000, "Milliseconds to wait for a camera's ONVIF web server to accept.");

    /** ONVIF reply bound. */
    public static final ConfigKey<Integer> ONVIF_REPLY_TIMEOUT_MILLIS = new ConfigKey<>("onvif.replyTimeoutMillis",
            ValueType.integer(100, 120_000), 8_000,
            "Milliseconds from sending an ONVIF request (or a snapshot GET) to its complete reply.");

    /** Largest ONVIF reply. */
    public static final ConfigKey<Integer> ONVIF_MAX_RESPONSE_BYTES = new ConfigKey<>("onvif.maxResponseBytes",
            ValueType.integer(16 * 1024, 64 * 1024 * 1024), 2 * 1024 * 1024,
            "Largest ONVIF reply or snapshot accepted, in bytes; larger ones fail the step as TOO_LARGE.");

    /** Clock offset that makes a verify warn. */
    public static final ConfigKey<Integer> ONVIF_CLOCK_WARNING_SECONDS = new ConfigKey<>("onvif.clockWarningSeconds",
            ValueType.integer(1, 86_400), 300,
            "A camera clock further than this from the server's makes the verify CLOCK step a warning.");

    /** Parallel verifications. */
    public static final ConfigKey<Integer> ONVIF_VERIFY_CONCURRENCY = new ConfigKey<>("onvif.verifyConcurrency",
            ValueType.integer(1, 1024), 64, "Cameras verified at the same time by a bulk verification.");

    /** WS-Discovery port. */
    public static final ConfigKey<Integer> ONVIF_DISCOVERY_PORT = new ConfigKey<>("onvif.discoveryPort",
            ValueType.integer(1, 65_535), 3702, "UDP port cameras answer WS-Discovery probes on (3702 in the field).");

    /** How long discovery listens. */
    public static final ConfigKey<Integer> ONVIF_DISCOVERY_WINDOW_MILLIS = new ConfigKey<>("onvif.discoveryWindowMillis",
            ValueType.integer(100, 30_000), 2_000,
            "Milliseconds a discovery listens for answers after its last probe (devices wait up to 500 ms).");

    /** Interface for multicast discovery. */
    public static final ConfigKey<String> ONVIF_DISCOVERY_INTERFACE = new ConfigKey<>("onvif.discoveryInterface",
            ValueType.text(64, true), "",
            "Network interface for multicast discovery when a request names none; empty means the first"
                    + " interface that is up and not loopback.");

    /** Widest unicast discovery range. */
    public static final ConfigKey<Integer> ONVIF_MAX_DISCOVERY_ADDRESSES = new ConfigKey<>("onvif.maxDiscoveryAddresses",
            ValueType.integer(1, 65_536), 4_096, "Most addresses one unicast discovery may probe.");

    /** Widest clip query window. */
    public static final ConfigKey<Integer> CLIPS_MAX_WINDOW_HOURS = new ConfigKey<>("clips.maxWindowHours",
            ValueType.integer(1, 24 * 366), 24 * 31,
            "Widest time window of a clip list, timeline or coverage query, in hours; wider ones are refused (400).");

    /** Longest export. */
    public static final ConfigKey<Integer> CLIPS_MAX_EXPORT_MINUTES = new ConfigKey<>("clips.maxExportMinutes",
            ValueType.integer(1, 24 * 60), 120, "Longest window one export may cut into an MP4, in minutes.");

    /** Where directory imports may read. */
    public static final ConfigKey<String> CLIPS_IMPORT_ROOTS = new ConfigKey<>("clips.importRoots",
            ValueType.text(4096, true), "",
            "Directories (comma-separated) under which POST /api/v1/clips/import may index recordings; a folder"
                    + " elsewhere, or reached through '..' or a symbolic link out of them, is refused. Empty means"
                    + " store.dataDir and recording.directory.");

    /** Edge recorders whose footage the console plays. */
    public static final ConfigKey<String> CONSOLE_MEDIA_ORIGINS = new ConfigKey<>("console.mediaOrigins",
            ValueType.origins(), "",
            "Origins (comma-separated scheme://host[:port]) of the edge recorders whose footage the web console may"
                    + " play in the page: they are added to the console's Content-Security-Policy (media-src). Footage"
                    + " indexed by a URL on another origin is named but not played. Empty: this server's media only.");

    /** Gaps shorter than this between clips are not gaps. */
    public static final ConfigKey<Integer> CLIPS_TIMELINE_TOLERANCE_MILLIS = new ConfigKey<>(
            "clips.timelineToleranceMillis", ValueType.integer(0, 60_000), 2_000,
            "Clips closer than this count as continuous footage in a timeline (segment boundaries are not gaps).");

    /** Whether planned cameras are recorded. */
    public static final ConfigKey<Boolean> RECORDING_ENABLED = new ConfigKey<>("recording.enabled", ValueType.bool(),
            true, "Record the cameras whose recording plan says so (PUT /api/v1/recording/plans/{id}).");

    /** Where segments go. */
    public static final ConfigKey<String> RECORDING_DIRECTORY = new ConfigKey<>("recording.directory",
            ValueType.text(4096, true), "",
            "Directory of recorded segments, one subdirectory per camera; empty means recordings/ under store.dataDir.");

    /** Segment length. */
    public static final ConfigKey<Integer> RECORDING_SEGMENT_SECONDS = new ConfigKey<>("recording.segmentSeconds",
            ValueType.integer(2, 3600), 60,
            "Target segment length in seconds; a segment is cut at the first key frame after it.");

    /** Cameras recorded at once. */
    public static final ConfigKey<Integer> RECORDING_MAX_CAMERAS = new ConfigKey<>("recording.maxCameras",
            ValueType.integer(1, 4096), 64,
            "Most cameras recorded at once (one thread each); planned cameras beyond it wait and are reported.");

    /** Stall timeout. */
    public static final ConfigKey<Integer> RECORDING_STALL_SECONDS = new ConfigKey<>("recording.stallSeconds",
            ValueType.integer(1, 300), 10, "A stream that sends nothing for this long is restarted.");

    /** Free space below which recording pauses. */
    public static final ConfigKey<Long> RECORDING_MIN_FREE_BYTES = new ConfigKey<>("recording.minFreeBytes",
            ValueType.longInteger(0, Long.MAX_VALUE), 536_870_912L,
            "Below this much usable space in the recording directory, recording pauses (an alarm in"
                    + " /api/v1/recording/status) until retention or an operator frees space.");

    /** Key frame timeout. */
    public static final ConfigKey<Integer> RECORDING_KEY_FRAME_TIMEOUT_SECONDS = new ConfigKey<>(
            "recording.keyFrameTimeoutSeconds", ValueType.integer(1, 3600), 60,
            "A stream without a key frame for this long has its segment closed and its session restarted.");

    /** Time zone of scheduled plans. */
    public static final ConfigKey<String> RECORDING_TIME_ZONE = new ConfigKey<>("recording.timeZone",
            ValueType.text(64, false), "UTC", "Time zone of scheduled plans' windows, such as Asia/Shanghai.");

    /** Days recorded footage is kept, per tier. */
    public static final ConfigKey<Integer> RETENTION_CENTER_DAYS = new ConfigKey<>("retention.centerDays",
            ValueType.integer(0, 36_500), 90, "Days footage recorded from a center's cameras is kept; 0 keeps it.");

    public static final ConfigKey<Integer> RETENTION_SUBSTATION_DAYS = new ConfigKey<>("retention.substationDays",
            ValueType.integer(0, 36_500), 60, "Days footage recorded from a substation's own cameras is kept; 0 keeps it.");

    public static final ConfigKey<Integer> RETENTION_ROOM_DAYS = new ConfigKey<>("retention.roomDays",
            ValueType.integer(0, 36_500), 30, "Days footage recorded from a room's cameras is kept; 0 keeps it.");

    /** Bytes of recorded footage kept, per tier. */
    public static final ConfigKey<Long> RETENTION_CENTER_BYTES = new ConfigKey<>("retention.centerBytes",
            ValueType.longInteger(0, Long.MAX_VALUE), 0L,
            "Most bytes of footage recorded from a center's cameras; the oldest goes first; 0 is no limit.");

    public static final ConfigKey<Long> RETENTION_SUBSTATION_BYTES = new ConfigKey<>("retention.substationBytes",
            ValueType.longInteger(0, Long.MAX_VALUE), 0L,
            "Most bytes of footage recorded from substations' own cameras; the oldest goes first; 0 is no limit.");

    public static final ConfigKey<Long> RETENTION_ROOM_BYTES = new ConfigKey<>("retention.roomBytes",
            ValueType.longInteger(0, Long.MAX_VALUE), 0L,
            "Most bytes of footage recorded from rooms' cameras; the oldest goes first; 0 is no limit.");

    public static final ConfigKey<Integer> RETENTION_INTERVAL_MINUTES = new ConfigKey<>("retention.intervalMinutes",
            ValueType.integer(1, 1440), 10, "Minutes between two retention passes.");

    /** The first administrator's name. */
    public static final ConfigKey<String> AUTH_ADMIN_USER = new ConfigKey<>("auth.adminUser",
            ValueType.text(64, false), "admin",
            "Name of the administrator created on the first start, when the store has no user yet.");

    /** The first administrator's password. */
    public static final ConfigKey<String> AUTH_ADMIN_PASSWORD = new ConfigKey<>("auth.adminPassword",
            ValueType.text(256, true), "",
            "Password of that first administrator (12 characters or more). Empty: a one-time password is"
                    + " generated, printed once in the log, and must be changed at the first login. Set it through"
                    + " the environment (WARDNET_AUTH_ADMIN_PASSWORD), never in a file others can read.");

    /** Session lifetime. */
    public static final ConfigKey<Integer> AUTH_SESSION_HOURS = new ConfigKey<>("auth.sessionHours",
            ValueType.integer(1, 720), 12,
            "How long a login's session token is valid. Logging out revokes it sooner.");

    /** Default API token lifetime. */
    public static final ConfigKey<Integer> AUTH_API_TOKEN_DAYS = new ConfigKey<>("auth.apiTokenDays",
            ValueType.integer(1, 3_650), 90,
            "Lifetime of an API token when its request names no expiresAt (at most ten years may be asked for).");

    /** PBKDF2 iterations. */
    public static final ConfigKey<Integer> AUTH_PASSWORD_ITERATIONS = new ConfigKey<>("auth.passwordIterations",
            ValueType.integer(10_000, 10_000_000), 600_000,
            "PBKDF2-HMAC-SHA256 iterations of new password hashes (existing hashes keep their own count)."
                    + " Each login costs one such hash: about 0.3 s of a core at the default.");

    /** Failed logins per name. */
    public static final ConfigKey<Integer> AUTH_LOGIN_FAILURES_PER_USER = new ConfigKey<>("auth.loginFailuresPerUser",
            ValueType.integer(1, 1_000), 5,
            "Failed logins for one user name within loginWindowMinutes after which further attempts get 429.");

    /** Failed logins per address. */
    public static final ConfigKey<Integer> AUTH_LOGIN_FAILURES_PER_ADDRESS = new ConfigKey<>(
            "auth.loginFailuresPerAddress", ValueType.integer(1, 100_000), 20,
            "Failed logins from one IP address (any names) within loginWindowMinutes after which it gets 429.");

    /** The login failure window. */
    public static final ConfigKey<Integer> AUTH_LOGIN_WINDOW_MINUTES = new ConfigKey<>("auth.loginWindowMinutes",
            ValueType.integer(1, 1_440), 15,
            "The sliding window over which failed logins are counted.");

    /** Requests without valid credentials answered one by one, per address and window. */
    public static final ConfigKey<Integer> AUTH_REFUSALS_PER_ADDRESS = new ConfigKey<>("auth.refusalsPerAddress",
            ValueType.integer(1, 1_000_000), 300,
            "Requests without valid credentials from one IP address answered 401 (and audited one by one) within"
                    + " refusalWindowSeconds; the rest of the window gets 429 and one audit entry with their count.");

    /** The window of auth.refusalsPerAddress. */
    public static final ConfigKey<Integer> AUTH_REFUSAL_WINDOW_SECONDS = new ConfigKey<>("auth.refusalWindowSeconds",
            ValueType.integer(1, 86_400), 60, "The window over which refusals per address are counted.");

    /** The parent node, for a room or substation node. */
    public static final ConfigKey<String> FEDERATION_PARENT_URL = new ConfigKey<>("federation.parentUrl",
            ValueType.text(2048, true), "",
            "The parent tier node's address (https://host:port) when this node is a room or a substation: this node's"
                    + " registry changes are pushed there. Empty: this node has no parent (the center, or a node"
                    + " on its own).");

    /** This node's token at its parent. */
    public static final ConfigKey<String> FEDERATION_NODE_TOKEN = new ConfigKey<>("federation.nodeToken",
            ValueType.text(512, true), "",
            "The token the parent's administrator made for this node (POST /api/v1/nodes at the parent); needed with"
                    + " federation.parentUrl. Prefer the environment (WARDNET_FEDERATION_NODE_TOKEN) to a file.");

    /** How the parent reaches this node. */
    public static final ConfigKey<String> FEDERATION_PUBLIC_URL = new ConfigKey<>("federation.publicUrl",
            ValueType.text(2048, true), "",
            "This node's address as its parent reaches it (https://host:port), announced to the parent with a token"
                    + " of an account made for it, so the parent can fetch footage held here for its users. Empty:"
                    + " the parent lists this node's clips but cannot play or export them.");

    /** Trust for the parent's certificate. */
    public static final ConfigKey<String> FEDERATION_PARENT_CERTIFICATE_FILE = new ConfigKey<>(
            "federation.parentCertificateFile", ValueType.text(4096, true), "",
            "A PEM file with the parent's certificate: only it is trusted for the parent (pinned). Empty: the JDK's"
                    + " trust store decides.");

    /** Changes per push. */
    public static final ConfigKey<Integer> FEDERATION_BATCH_ROWS = new ConfigKey<>("federation.batchRows",
            ValueType.integer(1, 100_000), 5_000,
            "Most changes in one push to the parent; a backlog drains in batches of this size.");

    /** Pause when nothing is left to push. */
    public static final ConfigKey<Integer> FEDERATION_IDLE_MILLIS = new ConfigKey<>("federation.idleMillis",
            ValueType.integer(10, 60_000), 500,
            "How long the upward sync waits before looking for new changes when it has pushed everything.");

    /** The longest pause while the parent is unreachable. */
    public static final ConfigKey<Integer> FEDERATION_MAX_RETRY_SECONDS = new ConfigKey<>(
            "federation.maxRetrySeconds", ValueType.integer(1, 3_600), 30,
            "While the parent cannot be reached, pushes are retried with a pause that doubles up to this.");

    /** How often an idle child tells its parent it is alive. */
    public static final ConfigKey<Integer> FEDERATION_HEARTBEAT_SECONDS = new ConfigKey<>(
            "federation.heartbeatSeconds", ValueType.integer(1, 3_600), 5,
            "An idle child node pushes an empty batch this often, so its parent can tell a quiet node from a lost"
                    + " link. Keep it well under the parent's federation.staleAfterSeconds.");

    /** When a parent calls a silent child unreachable. */
    public static final ConfigKey<Integer> FEDERATION_STALE_AFTER_SECONDS = new ConfigKey<>(
            "federation.staleAfterSeconds", ValueType.integer(1, 86_400), 30,
            "A child node silent this long is unreachable: one alarm, and its cameras are shown STALE with their"
                    + " last reported state until it syncs again. Also the grace given to every child after this node"
                    + " starts.");

    public static final List<ConfigKey<?>> ALL = withTrackAndLive(List.of(
            SERVER_HOST, SERVER_PORT, SERVER_ROLE, SERVER_IO_THREADS, SERVER_MAX_INITIAL_LINE_BYTES,
            SERVER_MAX_HEADER_BYTES, SERVER_MAX_JSON_BODY_BYTES, SERVER_MAX_IMPORT_BODY_BYTES,
            SERVER_REQUEST_TIMEOUT_SECONDS, SERVER_IDLE_TIMEOUT_SECONDS, SERVER_MAX_CONNECTIONS,
            SERVER_MAX_QUEUED_WRITES, SERVER_TLS_CERTIFICATE_FILE, SERVER_TLS_KEY_FILE, SERVER_TLS_SELF_SIGNED,
            SERVER_HTTP_REDIRECT_PORT,
            API_DEFAULT_PAGE_SIZE, API_MAX_PAGE_SIZE, API_MAX_IMPORT_ROWS, API_MEDIA_LINK_SECONDS,
            STORE_DATA_DIR, STORE_JDBC_URL, STORE_USERNAME, STORE_PASSWORD, STORE_SECRET_KEY_FILE, STORE_SECRET_KEY,
            STORE_MAX_POOL_SIZE, STORE_AUDIT_JOURNAL, STORE_AUDIT_JOURNAL_SYNC,
            HEALTH_ENABLED, HEALTH_INTERVAL_SECONDS, HEALTH_MAX_IN_FLIGHT, HEALTH_DEPTH, HEALTH_MEDIA_EVERY_ROUND,
            HEALTH_OFFLINE_AFTER_FAILURES, HEALTH_OFFLINE_AFTER_SECONDS, HEALTH_ONLINE_AFTER_SUCCESSES,
            HEALTH_SLOW_AFTER_MILLIS, HEALTH_SITE_CORRELATION_MINIMUM, HEALTH_CONNECT_TIMEOUT_MILLIS,
            HEALTH_REQUEST_TIMEOUT_MILLIS,
            ONVIF_CONNECT_TIMEOUT_MILLIS, ONVIF_REPLY_TIMEOUT_MILLIS, ONVIF_MAX_RESPONSE_BYTES,
            ONVIF_CLOCK_WARNING_SECONDS, ONVIF_VERIFY_CONCURRENCY, ONVIF_DISCOVERY_PORT, ONVIF_DISCOVERY_WINDOW_MILLIS,
            ONVIF_DISCOVERY_INTERFACE, ONVIF_MAX_DISCOVERY_ADDRESSES,
            CLIPS_MAX_WINDOW_HOURS, CLIPS_MAX_EXPORT_MINUTES, CLIPS_TIMELINE_TOLERANCE_MILLIS, CLIPS_IMPORT_ROOTS,
            CONSOLE_MEDIA_ORIGINS,
            FEDERATION_PARENT_URL, FEDERATION_NODE_TOKEN, FEDERATION_PUBLIC_URL, FEDERATION_PARENT_CERTIFICATE_FILE,
            FEDERATION_BATCH_ROWS,
            FEDERATION_IDLE_MILLIS, FEDERATION_MAX_RETRY_SECONDS, FEDERATION_HEARTBEAT_SECONDS,
            FEDERATION_STALE_AFTER_SECONDS,
            RECORDING_ENABLED, RECORDING_DIRECTORY, RECORDING_SEGMENT_SECONDS, RECORDING_MAX_CAMERAS,
            RECORDING_STALL_SECONDS, RECORDING_KEY_FRAME_TIMEOUT_SECONDS, RECORDING_MIN_FREE_BYTES, RECORDING_TIME_ZONE,
            RETENTION_CENTER_DAYS, RETENTION_SUBSTATION_DAYS, RETENTION_ROOM_DAYS, RETENTION_CENTER_BYTES,
            RETENTION_SUBSTATION_BYTES, RETENTION_ROOM_BYTES, RETENTION_INTERVAL_MINUTES,
            AUTH_ADMIN_USER, AUTH_ADMIN_PASSWORD, AUTH_SESSION_HOURS, AUTH_API_TOKEN_DAYS, AUTH_PASSWORD_ITERATIONS,
            AUTH_LOGIN_FAILURES_PER_USER, AUTH_LOGIN_FAILURES_PER_ADDRESS, AUTH_LOGIN_WINDOW_MINUTES,
            AUTH_REFUSALS_PER_ADDRESS, AUTH_REFUSAL_WINDOW_SECONDS));

    private static final Map<String, ConfigKey<?>> BY_PATH = index();

    private WardnetKeys() {
    }

    /** The key at {@code path}, if there is one. */
    public static Optional<ConfigKey<?>> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The keys in the order the config file lists them: track's after retention's, live's last. */
    private static List<ConfigKey<?>> withTrackAndLive(List<ConfigKey<?>> keys) {
        List<ConfigKey<?>> all = new java.util.ArrayList<>(keys);
        all.addAll(all.indexOf(AUTH_ADMIN_USER), TrackKeys.ALL);
        all.addAll(LiveKeys.ALL);
        return List.copyOf(all);
    }

    private static Map<String, String> sections() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server", "The HTTP API: where it listens and the limits that protect it.");
        s.put("api", "Paging and bulk-import limits of the HTTP API.");
        s.put("store", "Where the registry, health history and clip index are kept.");
        s.put("health", "Camera health monitoring: how often and how deep cameras are probed, and when they are"
                + " called down.");
        s.put("onvif", "The installer's tools: ONVIF requests, verification and WS-Discovery.");
        s.put("clips", "The clip index: how wide a query may be and what counts as continuous footage.");
        s.put("console", "The web console served at /: which edge recorders' footage it may play in the page.");
        s.put("recording", "Recording cameras' streams into segments: where, how long, how many at once.");
        s.put("retention", "How long recorded footage is kept, per site tier, in days and bytes; held clips are"
                + " never deleted.");
        s.put("track", "Track-following: the geometric prior, how fast learned hops take over, and the limits of a"
                + " follow request.");
        s.put("live", "Live view: the relay that pulls each camera stream once for every viewer and the recorder,"
                + " its RTSP server, and its limits.");
        s.put("federation", "Tier nodes: this node's parent, if it has one, and how its changes are pushed there.");
        s.put("auth", "Users and tokens: the first administrator, session and token lifetimes, the password hash's"
                + " cost, and how failed logins are limited.");
        return Collections.unmodifiableMap(s);
    }

    private static Map<String, ConfigKey<?>> index() {
        Map<String, ConfigKey<?>> byPath = new LinkedHashMap<>();
        for (ConfigKey<?> key : ALL) {
            if (!SECTIONS.containsKey(key.section())) {
                throw new IllegalStateException("key " + key + " is in no documented section");
            }
            if (byPath.put(key.path(), key) != null) {
                throw new IllegalStateException("key declared twice: " + key);
            }
        }
        return Collections.unmodifiableMap(byPath);
    }
}
