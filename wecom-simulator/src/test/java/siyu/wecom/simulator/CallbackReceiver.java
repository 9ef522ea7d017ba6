package siyu.wecom.simulator;

import com.sun.net.httpserver.HttpServer;
import io.siyu.wecom.protocol.CallbackCrypto;
import io.siyu.wecom.protocol.CallbackXml;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A callback URL for the tests, as Siyu's would be: it checks each POST's signature, decrypts it with the
 * corp's key (which also checks the receive id) and keeps the event; a callback it cannot verify is kept as
 * a failure, so a test sees it.
 */
final class CallbackReceiver {

    /** A decrypted event: its fields as {@link CallbackXml#read} gives them, and the XML itself. */
    record Received(Map<String, String> fields, String xml) {
        String get(String name) {
            return fields.get(name);
        }
    }

    private final HttpServer server;
    private final Map<String, CallbackCrypto> cryptos = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Received>> events = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cb/", exchange -> {
            var corpId = exchange.getRequestURI().getPath().substring("/cb/".length());
            var query = query(exchange.getRequestURI().getRawQuery());
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            try {
                var crypto = cryptos.get(corpId);
                var envelope = CallbackXml.envelope(body);
                if (!crypto.verify(
                        query.get("msg_signature"), query.get("timestamp"), query.get("nonce"), envelope.encrypt())) {
                    throw new IllegalStateException("bad signature");
                }
                var xml = crypto.decrypt(envelope.encrypt());
                queue(corpId).add(new Received(CallbackXml.read(xml), xml));
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(corpId + ": " + e);
                }
                status = 403;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callback URL for a corp whose events are encrypted with these settings. */
    String register(String corpId, String token, String encodingAesKey) {
        cryptos.put(corpId, new CallbackCrypto(token, encodingAesKey, corpId));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb/" + corpId;
    }

    /** The next event for the corp; fails after 5 s without one. */
    Received next(String corpId) {
        try {
            var event = queue(corpId).poll(5, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no callback for " + corpId + " within 5 s; failures: " + failures);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Events received so far and not yet taken, after waiting a moment for late ones. */
    List<Received> drain(String corpId, Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        var list = new ArrayList<Received>();
        queue(corpId).drainTo(list);
        return list;
    }

    private BlockingQueue<Received> queue(String corpId) {
        return events.computeIfAbsent(corpId, c -> new LinkedBlockingQueue<>());
    }

    private static Map<String, String> query(String raw) {
        var map = new HashMap<String, String>();
        for (var pair : raw.split("&")) {
            var i = pair.indexOf('=');
            map.put(pair.substring(0, i), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
