package io.siyu.wecom.protocol;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * WeCom's callback XML: the outer envelope ({@code <xml><ToUserName/><Encrypt/><AgentID/></xml>}) and the
 * decrypted message, read into a flat map. Parsing refuses DOCTYPEs, so no external entity can be
 * expanded (XXE) and no entity can blow up in memory.
 */
public final class CallbackXml {

    /** The encrypted envelope of a callback. */
    public record Envelope(
            @Nullable String toUserName,
            String encrypt,
            @Nullable String agentId) {}

    private static final DocumentBuilderFactory FACTORY = factory();
    /** Errors become exceptions; the default handler would also print them to stderr. */
    private static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private CallbackXml() {}

    /** @throws CallbackRejected (XML) when the body is not an envelope with an {@code Encrypt} element */
    public static Envelope envelope(String body) {
        var fields = read(body);
        var encrypt = fields.get("Encrypt");
        if (encrypt == null || encrypt.isBlank()) {
            throw new CallbackRejected(CallbackRejected.Reason.XML, "no Encrypt element");
        }
        return new Envelope(fields.get("ToUserName"), encrypt.strip(), fields.get("AgentID"));
    }

    /**
     * The elements of a decrypted message by name; a nested element is named by its path
     * ({@code SendLocationInfo.Label}). Text is kept as sent.
     *
     * @throws CallbackRejected (XML) when it is not well-formed XML or has a DOCTYPE
     */
    public static Map<String, String> read(String xml) {
        try {
            javax.xml.parsers.DocumentBuilder builder;
            synchronized (FACTORY) { // the factory is not thread-safe; a builder is used by one thread only
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(QUIET);
            var document = builder.parse(new InputSource(new StringReader(xml)));
            var fields = new LinkedHashMap<String, String>();
            collect(document.getDocumentElement(), "", fields);
            return fields;
        } catch (SAXException | IOException e) {
            throw new CallbackRejected(CallbackRejected.Reason.XML, String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Element parent, String prefix, Map<String, String> fields) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                var name = prefix + element.getTagName();
                boolean nested = false;
                for (Node inner = element.getFirstChild(); inner != null; inner = inner.getNextSibling()) {
                    nested |= inner instanceof Element;
                }
                if (nested) {
                    collect(element, name + ".", fields);
                } else {
                    fields.putIfAbsent(name, element.getTextContent());
                }
            }
        }
    }

    /** The envelope WeCom posts to a callback URL. */
    public static String request(String toUserName, String encrypt, String agentId) {
        return "<xml><ToUserName>" + cdata(toUserName) + "</ToUserName><Encrypt>" + cdata(encrypt)
                + "</Encrypt><AgentID>" + cdata(agentId) + "</AgentID></xml>";
    }

    /** A passive (encrypted) reply to a callback. */
    public static String reply(String encrypt, String signature, String timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypt) + "</Encrypt><MsgSignature>" + cdata(signature)
                + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce)
                + "</Nonce></xml>";
    }

    /** A message of flat fields, each as CDATA text, as WeCom writes events. */
    public static String message(Map<String, ?> fields) {
        var xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<')
                .append(name)
                .append('>')
                .append(value instanceof Number ? value.toString() : cdata(String.valueOf(value)))
                .append("</")
                .append(name)
                .append('>'));
        return xml.append("</xml>").toString();
    }

    /** CDATA cannot hold "]]>": it is split across two sections. */
    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static DocumentBuilderFactory factory() {
        var factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
