package dev.lotussaga.gateway.attack;

import static dev.lotussaga.gateway.attack.Hostile.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** One way of spoiling a valid request. Each says whether it applied to the request at hand. */
enum Mutation {
  HOSTILE_PARAM(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.query.isEmpty()) {
        return false;
      }
      pick(random, draft.query)[1] = uriValue(random);
      return true;
    }
  },
  MISSING_PARAM(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.query.isEmpty()) {
        return false;
      }
      draft.query.remove(random.nextInt(draft.query.size()));
      return true;
    }
  },
  EXTRA_PARAM(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      String name =
          !draft.query.isEmpty() && random.nextBoolean()
              ? pick(random, draft.query)[0]
              : random.nextBoolean() ? "userId" : UriText.strict(Hostile.text(random));
      draft.query.add(new String[] {name, random.nextInt(5) == 0 ? null : uriValue(random)});
      return true;
    }
  },
  HOSTILE_ID(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.id == null) {
        return false;
      }
      draft.id = random.nextInt(4) == 0 ? UUID.randomUUID().toString() : uriValue(random);
      return true;
    }
  },
  FOREIGN_ID(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.id == null) {
        return false;
      }
      draft.id = fixtures.foreignOrderId();
      return true;
    }
  },
  HOSTILE_FIELD(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.fields == null || draft.fields.isEmpty()) {
        return false;
      }
      draft.fields.put(pick(random, fieldNames(draft)), draft.jsonText(Hostile.text(random)));
      return true;
    }
  },
  WRONG_TYPE(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.fields == null || draft.fields.isEmpty()) {
        return false;
      }
      draft.fields.put(pick(random, fieldNames(draft)), pick(random, HostileBodies.WRONG_TYPES));
      return true;
    }
  },
  MISSING_FIELD(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.fields == null || draft.fields.isEmpty()) {
        return false;
      }
      draft.fields.remove(pick(random, fieldNames(draft)));
      return true;
    }
  },
  EXTRA_FIELD(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.fields == null) {
        return false;
      }
      String name =
          random.nextBoolean()
              ? pick(random, HostileBodies.EXTRA_FIELDS)
              : Hostile.pick(random, Hostile.TEXT);
      draft.fields.put(name, random.nextBoolean() ? "\"STAFF\"" : draft.jsonText("x"));
      return true;
    }
  },
  MALFORMED_BODY(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      draft.rawBody =
          switch (random.nextInt(5)) {
            case 0 -> HostileBodies.deeplyNested(random);
            case 1 -> HostileBodies.notUtf8(random);
            case 2 ->
                draft.fields == null
                    ? HostileBodies.utf8("{")
                    : HostileBodies.truncated(draft.json(), random);
            default -> HostileBodies.utf8(pick(random, HostileBodies.MALFORMED));
          };
      draft.headers.putIfAbsent("Content-Type", "application/json");
      return true;
    }
  },
  HUGE_BODY(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      draft.rawBody = HostileBodies.huge(random);
      draft.headers.putIfAbsent("Content-Type", "application/json");
      return true;
    }
  },
  UNEXPECTED_BODY(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (draft.hasBody()) {
        return false;
      }
      draft.rawBody =
          HostileBodies.utf8(
              random.nextBoolean()
                  ? "{\"userId\":1,\"role\":\"STAFF\"}"
                  : pick(random, HostileBodies.MALFORMED));
      if (random.nextBoolean()) {
        draft.headers.put("Content-Type", "application/json");
      }
      return true;
    }
  },
  CONTENT_TYPE(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      String type = Hostile.asHeaderValue(pick(random, Hostile.CONTENT_TYPES));
      if (type.isEmpty()) {
        draft.headers.remove("Content-Type");
      } else {
        draft.headers.put("Content-Type", type);
      }
      return true;
    }
  },
  ACCEPT(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      draft.headers.put("Accept", pick(random, Hostile.ACCEPTS));
      return true;
    }
  },
  AUTHORIZATION(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      String token = fixtures.user().substring("Bearer ".length());
      List<String> forged =
          List.of(
              "Bearer",
              "Bearer x.y.z",
              "Bearer ' OR '1'='1",
              "Bearer <script>alert(1)</script>",
              "Basic YWRtaW46YWRtaW4=",
              "Bearer " + token + "x",
              "Bearer " + flipOneCharacter(token, random),
              "Bearer  " + token,
              "Bearer " + "a".repeat(6000),
              "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwicm9sZXMiOlsiU1RBRkYiXX0.",
              "Bearer " + token + ", Bearer " + token,
              Hostile.asHeaderValue("Bearer é"),
              "Token " + token);
      if (random.nextInt(4) == 0) {
        draft.headers.remove("Authorization");
      } else {
        draft.headers.put("Authorization", pick(random, forged));
      }
      return true;
    }
  },
  USER_FOR_STAFF(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (!fixtures.staff().equals(draft.headers.get("Authorization"))) {
        return false;
      }
      draft.headers.put("Authorization", fixtures.user());
      return true;
    }
  },
  METHOD(true) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      List<String> others = new ArrayList<>(Hostile.METHODS);
      others.remove(draft.method);
      draft.method = pick(random, others);
      return true;
    }
  },
  HOSTILE_HEADER(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      draft.headers.put(
          pick(random, Hostile.HEADER_NAMES), Hostile.asHeaderValue(Hostile.text(random)));
      return true;
    }
  },
  CHUNKED(false) {
    @Override
    boolean apply(Draft draft, Random random, Fixtures fixtures) {
      if (!draft.hasBody()) {
        return false;
      }
      draft.chunked = true;
      return true;
    }
  };

  /** Whether it changes what the endpoint reads, so that the request is most likely invalid. */
  private final boolean sharp;

  Mutation(boolean sharp) {
    this.sharp = sharp;
  }

  abstract boolean apply(Draft draft, Random random, Fixtures fixtures);

  /**
   * Spoils the draft with 0 to 3 mutations (rarely none: the valid request is a case too). The
   * first one is sharp, so that most cases are invalid even for endpoints that ignore most input.
   */
  static void spoil(Draft draft, Random random, Fixtures fixtures) {
    int count = random.nextInt(25) == 0 ? 0 : 1 + random.nextInt(3);
    Mutation[] all = values();
    while (draft.mutations.size() < count) {
      Mutation mutation = all[random.nextInt(all.length)];
      boolean allowed = mutation.sharp || !draft.mutations.isEmpty();
      if (allowed && mutation.apply(draft, random, fixtures)) {
        draft.mutations.add(mutation.name());
      }
    }
  }

  /** Hostile text in URI syntax: escaped, left loose, or a raw fragment. */
  private static String uriValue(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> pick(random, Hostile.RAW_URI_FRAGMENTS);
      case 1, 2, 3 -> UriText.loose(Hostile.text(random));
      default -> UriText.strict(Hostile.text(random));
    };
  }

  private static List<String> fieldNames(Draft draft) {
    return new ArrayList<>(draft.fields.keySet());
  }

  private static String flipOneCharacter(String token, Random random) {
    int at = random.nextInt(token.length());
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + flipped + token.substring(at + 1);
  }
}
