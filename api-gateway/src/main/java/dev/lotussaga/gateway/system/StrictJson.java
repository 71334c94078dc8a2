package dev.lotussaga.gateway.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StrictJson {

  /**
   * Jackson turns {@code 12345678} into the string "12345678" by default; a password or an email
   * sent as a number is a client bug we report (400), not one we paper over.
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
    return builder ->
        builder.postConfigurer(
            mapper ->
                mapper
                    .coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /**
   * No text field of this API needs control characters, and PostgreSQL refuses NUL in text: such
   * text is bad input (400), not a database error. Tabs and line breaks stay allowed.
   */
  @Bean
  SimpleModule noControlCharactersInText() {
    return new SimpleModule("text-without-control-characters")
        .addDeserializer(String.class, new TextWithoutControlCharacters());
  }

  private static final class TextWithoutControlCharacters extends StdScalarDeserializer<String> {

    TextWithoutControlCharacters() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.chars().anyMatch(TextWithoutControlCharacters::isControl)) {
        throw context.weirdStringException(text, String.class, "contains a control character");
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    private static boolean isControl(int c) {
      return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
  }
}
