package io.siyu.wecom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class CallbackXmlTests {

    @Test
    void readsTheEnvelopeOfTheOfficialSample() {
        var envelope = CallbackXml.envelope(
                "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt>"
                        + "<AgentID><![CDATA[218]]></AgentID></xml>");

        assertThat(envelope.toUserName()).isEqualTo("wx5823bf96d3bd56c7");
        assertThat(envelope.encrypt()).isEqualTo("abc+/=");
        assertThat(envelope.agentId()).isEqualTo("218");
    }

    @Test
    void refusesADoctypeSoThatNoExternalEntityIsRead() {
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&x;</Encrypt></xml>";

        assertThatThrownBy(() -> CallbackXml.envelope(xxe))
                .isInstanceOfSatisfying(
                        CallbackRejected.class, e -> assertThat(e.reason()).isEqualTo(CallbackRejected.Reason.XML));
    }

    @Test
    void refusesMalformedXmlAndAnEnvelopeWithoutCipherText() {
        assertThatThrownBy(() -> CallbackXml.envelope("<xml><Encrypt>")).isInstanceOf(CallbackRejected.class);
        assertThatThrownBy(() -> CallbackXml.envelope("<xml><ToUserName>x</ToUserName></xml>"))
                .isInstanceOf(CallbackRejected.class);
    }

    @Test
    void writesMessagesThatReadBackFieldForFieldNestedOnesByPath() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("ToUserName", "ww1");
        fields.put("CreateTime", 1732870000L);
        fields.put("Event", "change_external_contact");
        fields.put("WelcomeCode", "a]]>b");

        var read = CallbackXml.read(CallbackXml.message(fields));

        assertThat(read)
                .containsEntry("CreateTime", "1732870000")
                .containsEntry("Event", "change_external_contact")
                .containsEntry("WelcomeCode", "a]]>b");
        assertThat(CallbackXml.read("<xml><A><B>1</B><C>2</C></A></xml>"))
                .containsEntry("A.B", "1")
                .containsEntry("A.C", "2");
    }
}
