package io.cutcheck.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Section 6's encodings of a cut, judged from hand-written parts and input. */
class ConformEncodingsTest {

    static JsonNode json(String text) {
        try {
            return NodeDouble.JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Partition 0: k1=2, k2=3, k1=4; partition 1: k2=5. */
    static final Map<Integer, List<JsonNode>> STREAM_INPUT = Map.of(
            0, List.of(json("{'offset':0,'key':'k1','value':2}"), json("{'offset':1,'key':'k2','value':3}"),
                    json("{'offset':2,'key':'k1','value':4}")),
            1, List.of(json("{'offset':0,'key':'k2','value':5}")));

    static Map<String, JsonNode> parts(String... nodeAndPart) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (int i = 0; i < nodeAndPart.length; i += 2) {
            parts.put(nodeAndPart[i], json(nodeAndPart[i + 1]));
        }
        return parts;
    }

    @Test
    void aStreamCutBelowThePositionsAddsUp() {
        // partition 0 read up to offset 2 (k1=2, k2=3), partition 1 up to 1 (k2=5)
        Map<String, JsonNode> parts = parts(
                "source-0", "{'positions':{'0':2},'state':{},'channels':{}}",
                "source-1", "{'positions':{'1':1},'state':{},'channels':{}}",
                "operator-0", "{'positions':{},'state':{'k1':{'count':1,'sum':2}},'channels':{}}",
                "operator-1", "{'positions':{},'state':{'k2':{'count':2,'sum':8}},'channels':{}}",
                "sink-0", "{'positions':{},'state':{'txn':'sink-0-1-1'},'channels':{}}");
        Encodings.Stream stream = new Encodings.Stream();
        assertThat(stream.encoding(parts, STREAM_INPUT)).isEmpty();
        assertThat(stream.addsUp(parts, STREAM_INPUT)).isEmpty();
    }

    @Test
    void aStreamCutWithACountOffOrAPositionPastTheInputIsCaught() {
        Encodings.Stream stream = new Encodings.Stream();
        Map<String, JsonNode> off = parts("source-0", "{'positions':{'0':3},'state':{}}",
                "operator-0", "{'positions':{},'state':{'k1':{'count':1,'sum':2},'k2':{'count':1,'sum':3}}}");
        assertThat(stream.addsUp(off, STREAM_INPUT)).containsExactly("key k1 holds count 1 sum 2, the input below the"
                + " cut 2 and 6");
        Map<String, JsonNode> past = parts("source-1", "{'positions':{'1':9},'state':{}}");
        assertThat(stream.addsUp(past, STREAM_INPUT)).singleElement().asString().contains("past the input's end 1");
        Map<String, JsonNode> conflict = parts("source-0", "{'positions':{'0':1}}", "coordinator", "{'positions':{'0':2}}");
        assertThat(stream.addsUp(conflict, STREAM_INPUT)).singleElement().asString()
                .contains("partition 0 is at 1 in one part and 2 in coordinator's");
    }

    @Test
    void streamStateNotInTheEncodingIsCaught() {
        Encodings.Stream stream = new Encodings.Stream();
        Map<String, JsonNode> text = parts("source-0", "{'positions':{'0':2}}",
                "operator-0", "{'state':{'k1':'count=1 sum=2'}}");
        assertThat(stream.encoding(text, STREAM_INPUT)).anyMatch(p -> p.contains("state of key k1"));
        Map<String, JsonNode> none = parts("source-0", "{'positions':{'0':2}}", "operator-0", "{'state':{}}");
        assertThat(stream.encoding(none, STREAM_INPUT)).singleElement().asString()
                .contains("no part holds {\"count\",\"sum\"} per key");
    }

    static final Map<String, JsonNode> BANK = Map.of("peers", IntNode.valueOf(2), "accounts", IntNode.valueOf(2),
            "initialBalance", IntNode.valueOf(100));

    static final Map<Integer, List<JsonNode>> BANK_INPUT = Map.of(
            0, List.of(json("{'offset':0,'id':'t-1','from':'peer-0/0','to':'peer-1/1','amount':7}")), 1, List.of());

    @Test
    void aBankCutWithMoneyInFlightIsConserved() {
        Map<String, JsonNode> parts = parts(
                "peer-0", "{'positions':{'0':1},'state':{'balances':{'peer-0/0':93,'peer-0/1':100},'received':{}},"
                        + "'channels':{'peer-1':[]}}",
                "peer-1", "{'positions':{'1':0},'state':{'balances':{'peer-1/0':100,'peer-1/1':100},'received':{}},"
                        + "'channels':{'peer-0':[{'id':'t-1','to':'peer-1/1','amount':7}]}}");
        Encodings.Bank bank = new Encodings.Bank(BANK);
        assertThat(bank.encoding(parts, BANK_INPUT)).isEmpty();
        assertThat(bank.addsUp(parts, BANK_INPUT)).isEmpty();
    }

    @Test
    void bankPeersAreNamedAsTheLayoutNamesThem() {
        Map<String, JsonNode> options = Map.of("peers", IntNode.valueOf(2), "accounts", IntNode.valueOf(1),
                "initialBalance", IntNode.valueOf(50), "peerNames", json("['alpha','beta']"));
        Map<String, JsonNode> parts = parts(
                "alpha", "{'positions':{'0':0},'state':{'balances':{'alpha/0':50},'received':{}},'channels':{'beta':[]}}",
                "beta", "{'positions':{'1':0},'state':{'balances':{'beta/0':50},'received':{}},'channels':{'alpha':[]}}");
        Encodings.Bank bank = new Encodings.Bank(options);
        assertThat(bank.encoding(parts, BANK_INPUT)).isEmpty();
        assertThat(bank.addsUp(parts, BANK_INPUT)).isEmpty();
        Map<String, JsonNode> swapped = parts(
                "alpha", "{'positions':{'1':0},'state':{'balances':{'alpha/0':50},'received':{}},'channels':{'beta':[]}}");
        assertThat(bank.encoding(swapped, BANK_INPUT)).contains("alpha: positions lacks its own partition \"0\"");
    }

    @Test
    void aBankCutThatLosesMoneyOrLacksAnAccountIsCaught() {
        Map<String, JsonNode> parts = parts(
                "peer-0", "{'positions':{'0':1},'state':{'balances':{'peer-0/0':93},'received':{}},'channels':{}}",
                "peer-1", "{'positions':{},'state':{'balances':{'peer-1/0':100,'peer-1/1':100},'received':{}},"
                        + "'channels':{'peer-0':[]}}");
        Encodings.Bank bank = new Encodings.Bank(BANK);
        assertThat(bank.addsUp(parts, BANK_INPUT)).containsExactly("balances plus recorded credits sum to 293, not 400");
        assertThat(bank.encoding(parts, BANK_INPUT)).contains("peer-0: state.balances lacks account peer-0/1",
                "peer-0: channels lacks the list for sender peer-1", "peer-1: positions lacks its own partition \"1\"");
    }
}
