package dev.lotussaga.gateway.codec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.google.protobuf.ByteString;
import dev.lotussaga.codec.PayloadEncryption;
import dev.lotussaga.gateway.system.ApiException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodecException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec: the payloads of a history in, the same payloads encrypted or decrypted
 * out, in the protobuf JSON of {@code temporal.api.common.v1.Payloads} (bytes as base64). For
 * staff, who may see every order.
 */
@ApiResponse(responseCode = "403", description = "This operation is for staff only")
@RestController
@RequestMapping("/codec")
class CodecController {

  private static final Logger log = LoggerFactory.getLogger(CodecController.class);

  private final PayloadEncryption encryption;

  CodecController(PayloadEncryption encryption) {
    this.encryption = encryption;
  }

  @Schema(description = "temporal.api.common.v1.Payloads in protobuf JSON")
  record CodecPayloads(@NotNull @Size(max = 1000) List<@NotNull @Valid CodecPayload> payloads) {}

  /** Fields a newer Temporal adds to Payload are ignored: decoding needs only these two. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(description = "temporal.api.common.v1.Payload: metadata values and data as base64")
  record CodecPayload(Map<String, byte[]> metadata, byte[] data) {

    static CodecPayload of(Payload payload) {
      Map<String, byte[]> metadata = new LinkedHashMap<>();
      payload.getMetadataMap().forEach((name, value) -> metadata.put(name, value.toByteArray()));
      return new CodecPayload(metadata, payload.getData().toByteArray());
    }

    Payload payload() {
      Payload.Builder payload = Payload.newBuilder();
      if (metadata != null) {
        metadata.forEach(
            (name, value) ->
                payload.putMetadata(
                    name, value == null ? ByteString.EMPTY : ByteString.copyFrom(value)));
      }
      return payload.setData(data == null ? ByteString.EMPTY : ByteString.copyFrom(data)).build();
    }
  }

  @ApiResponse(
      responseCode = "200",
      description = "The payloads encrypted with the newest key",
      useReturnTypeSchema = true)
  @PostMapping("/encode")
  CodecPayloads encode(
      @Parameter(description = "The namespace the payloads belong to (one key set serves all)")
          @RequestHeader(name = "X-Namespace", required = false)
          String namespace,
      @Valid @RequestBody CodecPayloads body) {
    return apply(encryption::encode, body);
  }

  @ApiResponse(
      responseCode = "200",
      description = "The payloads decrypted; those that were not encrypted as they came",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "422",
      description = "A payload names a key that is not configured, or does not decrypt")
  @PostMapping("/decode")
  CodecPayloads decode(
      @AuthenticationPrincipal Jwt staff,
      @Parameter(description = "The namespace the payloads belong to (one key set serves all)")
          @RequestHeader(name = "X-Namespace", required = false)
          String namespace,
      @Valid @RequestBody CodecPayloads body) {
    log.info(
        "{} decodes {} payloads of namespace {}",
        staff.getSubject(),
        body.payloads().size(),
        namespace);
    return apply(encryption::decode, body);
  }

  private static CodecPayloads apply(UnaryOperator<List<Payload>> codec, CodecPayloads body) {
    try {
      return new CodecPayloads(
          codec.apply(body.payloads().stream().map(CodecPayload::payload).toList()).stream()
              .map(CodecPayload::of)
              .toList());
    } catch (PayloadCodecException refused) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
    }
  }
}
