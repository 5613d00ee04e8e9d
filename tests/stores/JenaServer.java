// A SPARQL 1.1 Protocol and Graph Store Protocol server on Apache Jena ARQ (Debian's
// libapache-jena-java 4.5), for kg's tests: Debian packages Jena but not Fuseki.
//
//   java JenaServer PORT [--user U --password P] [--max-body BYTES] [--max-rows N]
//
//   /ds/query    SPARQL query: GET ?query=, POST form or application/sparql-query;
//                default-graph-uri / named-graph-uri as the protocol says
//   /ds/update   SPARQL Update: POST form update= or application/sparql-update
//   /ds/data     Graph Store Protocol (?graph=IRI or ?default): GET PUT POST DELETE
//   /$/ping      health
//
// The dataset is in memory and transactional; its default graph is its own (not the
// union of the named graphs), as in Fuseki. With --user, writes need HTTP Basic auth;
// a request body over --max-body bytes gets 413, as behind a proxy with a body limit;
// --max-rows cuts every SELECT answer to N rows and says nothing, as some stores do.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

public final class JenaServer {
    private static final DatasetGraph DATA = DatasetGraphFactory.createTxnMem();
    private static String expectedAuth;
    private static long maxBody = Long.MAX_VALUE;
    private static long maxRows = 0;

    /** An HTTP answer other than 200, with its message. */
    private static final class Fail extends RuntimeException {
        final int status;

        Fail(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private interface Handler {
        void run(HttpExchange exchange) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String user = null;
        String password = "";
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--max-body" -> maxBody = Long.parseLong(args[i + 1]);
                case "--max-rows" -> maxRows = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (user != null) {
            String pair = user + ":" + password;
            expectedAuth = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/ds/query", exchange -> handle(exchange, JenaServer::query));
        server.createContext("/ds/update", exchange -> handle(exchange, JenaServer::update));
        server.createContext("/ds/data", exchange -> handle(exchange, JenaServer::data));
        server.createContext("/$/ping", exchange -> handle(exchange,
                e -> reply(e, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8))));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("ready on " + port);
    }

    private static void handle(HttpExchange exchange, Handler handler) {
        try {
            handler.run(exchange);
        } catch (Fail fail) {
            replyText(exchange, fail.status, fail.getMessage());
        } catch (QueryParseException | RiotException bad) {
            replyText(exchange, 400, "Parse error: " + bad.getMessage());
        } catch (RuntimeException | IOException | StackOverflowError error) {
            replyText(exchange, 500, "Server error: " + error);
        } finally {
            exchange.close();
        }
    }

    // ------------------------------------------------------------------ protocol

    private static void query(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new Fail(405, "use GET or POST");
        }
        Map<String, List<String>> params = params(exchange.getRequestURI().getRawQuery());
        String text = null;
        if (method.equals("POST")) {
            byte[] body = body(exchange);
            String type = contentType(exchange);
            if (type.equals("application/sparql-query")) {
                text = new String(body, StandardCharsets.UTF_8);
            } else if (type.equals("application/x-www-form-urlencoded")) {
                params.putAll(params(new String(body, StandardCharsets.UTF_8)));
            } else {
                throw new Fail(415, "unsupported content type " + type);
            }
        }
        if (text == null) {
            text = first(params, "query");
        }
        if (text == null) {
            throw new Fail(400, "no query");
        }
        Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        List<String> defaults = params.getOrDefault("default-graph-uri", List.of());
        List<String> named = params.getOrDefault("named-graph-uri", List.of());
        DatasetDescription description = null;
        if (!defaults.isEmpty() || !named.isEmpty()) {
            description = DatasetDescription.create(defaults, named);
        } else if (query.hasDatasetDescription()) {
            description = query.getDatasetDescription();
        }
        query.getGraphURIs().clear();
        query.getNamedGraphURIs().clear();
        if (maxRows > 0 && query.isSelectType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
            query.setLimit(maxRows);
        }
        DatasetGraph scope = description == null ? DATA : DynamicDatasets.dynamicDataset(description, DATA, false);
        String accept = header(exchange, "Accept");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] type = new String[1];
        Txn.executeRead(DATA, () -> {
            Dataset dataset = DatasetFactory.wrap(scope);
            try (QueryExecution execution = QueryExecutionFactory.create(query, dataset)) {
                if (query.isSelectType()) {
                    if (accept.contains("sparql-results+xml")) {
                        ResultSetFormatter.outputAsXML(out, execution.execSelect());
                        type[0] = "application/sparql-results+xml";
                    } else {
                        ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                        type[0] = "application/sparql-results+json";
                    }
                } else if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                    type[0] = "application/sparql-results+json";
                } else {
                    Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                    Lang lang = accept.contains("turtle") ? Lang.TURTLE : Lang.NTRIPLES;
                    RDFDataMgr.write(out, model, lang);
                    type[0] = lang.getHeaderString();
                }
            }
        });
        reply(exchange, 200, type[0] + "; charset=utf-8", out.toByteArray());
    }

    private static void update(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new Fail(405, "updates are POSTed");
        }
        authorise(exchange);
        byte[] body = body(exchange);
        String type = contentType(exchange);
        String text;
        if (type.equals("application/sparql-update")) {
            text = new String(body, StandardCharsets.UTF_8);
        } else if (type.equals("application/x-www-form-urlencoded")) {
            text = first(params(new String(body, StandardCharsets.UTF_8)), "update");
        } else {
            throw new Fail(415, "unsupported content type " + type);
        }
        if (text == null) {
            throw new Fail(400, "no update");
        }
        UpdateRequest request = UpdateFactory.create(text);
        Txn.executeWrite(DATA, () -> UpdateAction.execute(request, DATA));
        reply(exchange, 204, null, new byte[0]);
    }

    private static void data(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = params(exchange.getRequestURI().getRawQuery());
        Node graph;
        if (params.containsKey("default")) {
            graph = Quad.defaultGraphIRI;
        } else if (first(params, "graph") != null) {
            graph = NodeFactory.createURI(first(params, "graph"));
        } else {
            throw new Fail(400, "name a graph: ?graph=IRI or ?default");
        }
        boolean isDefault = Quad.isDefaultGraph(graph);
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Txn.executeRead(DATA, () -> {
                    if (!isDefault && !DATA.containsGraph(graph)) {
                        throw new Fail(404, "no graph " + graph.getURI());
                    }
                    RDFDataMgr.write(out, isDefault ? DATA.getDefaultGraph() : DATA.getGraph(graph), Lang.NTRIPLES);
                });
                reply(exchange, 200, "application/n-triples; charset=utf-8", out.toByteArray());
            }
            case "PUT", "POST" -> {
                authorise(exchange);
                byte[] body = body(exchange);
                Lang lang = RDFLanguages.contentTypeToLang(contentType(exchange));
                if (lang == null) {
                    throw new Fail(415, "unsupported content type " + contentType(exchange));
                }
                Graph parsed = GraphFactory.createDefaultGraph();
                RDFParser.fromString(new String(body, StandardCharsets.UTF_8)).lang(lang).parse(parsed);
                boolean replace = exchange.getRequestMethod().equals("PUT");
                Txn.executeWrite(DATA, () -> {
                    if (replace) {
                        DATA.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                    }
                    parsed.find().forEachRemaining(t -> DATA.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
                });
                reply(exchange, 204, null, new byte[0]);
            }
            case "DELETE" -> {
                authorise(exchange);
                Txn.executeWrite(DATA, () -> {
                    if (!isDefault && !DATA.containsGraph(graph)) {
                        throw new Fail(404, "no graph " + graph.getURI());
                    }
                    DATA.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                });
                reply(exchange, 204, null, new byte[0]);
            }
            default -> throw new Fail(405, "use GET, PUT, POST or DELETE");
        }
    }

    // ------------------------------------------------------------------ HTTP

    private static void authorise(HttpExchange exchange) {
        if (expectedAuth != null && !expectedAuth.equals(header(exchange, "Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"jena\"");
            throw new Fail(401, "authentication required");
        }
    }

    /** The request body, or 413 past the limit (read to the end first, so the client sees the answer). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total <= maxBody) {
                    out.write(buffer, 0, n);
                }
            }
        }
        if (total > maxBody) {
            throw new Fail(413, "request body of " + total + " bytes is over the limit of " + maxBody);
        }
        return out.toByteArray();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String contentType(HttpExchange exchange) {
        return header(exchange, "Content-Type").split(";")[0].trim().toLowerCase();
    }

    private static Map<String, List<String>> params(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void replyText(HttpExchange exchange, int status, String message) {
        try {
            reply(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the client went away; nothing to tell it
        }
    }
}
