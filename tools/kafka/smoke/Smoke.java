// Java-client smoke test against the local broker (uses the kafka-clients jar already in target/libs).
// Run: java -cp 'tools/kafka/target/libs/*' tools/kafka/smoke/Smoke.java [bootstrap]
import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;

public class Smoke {
  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    String topic = "smoke-" + UUID.randomUUID();
    Properties common = new Properties();
    common.put("bootstrap.servers", bootstrap);
    long t0 = System.currentTimeMillis();
    try (Admin admin = Admin.create(common)) {
      System.out.println("cluster id: " + admin.describeCluster().clusterId().get());
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
      Properties pp = new Properties();
      pp.putAll(common);
      pp.put("key.serializer", StringSerializer.class.getName());
      pp.put("value.serializer", StringSerializer.class.getName());
      pp.put("acks", "all");
      try (Producer<String, String> p = new KafkaProducer<>(pp)) {
        for (int i = 0; i < 10; i++) p.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
      }
      Properties cp = new Properties();
      cp.putAll(common);
      cp.put("group.id", "smoke-group");
      cp.put("auto.offset.reset", "earliest");
      cp.put("key.deserializer", StringDeserializer.class.getName());
      cp.put("value.deserializer", StringDeserializer.class.getName());
      int got = 0;
      try (Consumer<String, String> c = new KafkaConsumer<>(cp)) {
        c.subscribe(List.of(topic));
        long end = System.currentTimeMillis() + 30_000;
        while (got < 10 && System.currentTimeMillis() < end) got += c.poll(Duration.ofMillis(500)).count();
        c.commitSync();
      }
      admin.deleteTopics(List.of(topic)).all().get();
      if (got != 10) throw new IllegalStateException("consumed " + got + "/10");
      System.out.println("OK: produced+consumed 10 records on " + topic + " in " + (System.currentTimeMillis() - t0) + "ms");
    }
  }
}
