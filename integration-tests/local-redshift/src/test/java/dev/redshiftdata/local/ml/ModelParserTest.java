package dev.redshiftdata.local.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.bulk.RedshiftSqlError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelParserTest {

  @Test
  void fullCreateModel() {
    CreateModelCommand m =
        ModelParser.parseCreate(
            "CREATE MODEL Demo.Churn_Model\n"
                + "FROM (SELECT state, calls, churn FROM t WHERE note <> 'a)b' AND \"x)\" > 0 -- )\n)\n"
                + "TARGET Churn FUNCTION ml_fn_churn (varchar(2), double precision)\n"
                + "IAM_ROLE 'arn:aws:iam::1:role/r' AUTO OFF MODEL_TYPE xgboost PROBLEM_TYPE binary_classification\n"
                + "OBJECTIVE 'f1' PREPROCESSORS 'none' HYPERPARAMETERS DEFAULT EXCEPT (NUM_ROUND '10')\n"
                + "SETTINGS (S3_BUCKET 'bucket', KMS_KEY_ID 'k', S3_GARBAGE_COLLECT OFF, MAX_RUNTIME 1800);");
    assertEquals("demo", m.schema());
    assertEquals("churn_model", m.name());
    assertTrue(
        m.trainingQuery().startsWith("SELECT state, calls, churn FROM t WHERE note <> 'a)b'"),
        m.trainingQuery());
    assertTrue(m.trainingQuery().endsWith("-- )"), m.trainingQuery());
    assertEquals("churn", m.target());
    assertEquals("ml_fn_churn", m.functionName());
    assertEquals(List.of("varchar(2)", "double precision"), m.functionParamTypes());
    assertEquals("arn:aws:iam::1:role/r", m.iamRole());
    assertEquals(false, m.auto());
    assertEquals("XGBOOST", m.modelType());
    assertEquals("BINARY_CLASSIFICATION", m.problemType());
    assertEquals("f1", m.objective());
    assertEquals("bucket", m.s3Bucket());
    assertEquals(1800, m.maxRuntime());
  }

  @Test
  void fromATableWithDefaults() {
    CreateModelCommand m =
        ModelParser.parseCreate(
            "create model m from public.t target y function f iam_role default settings (s3_bucket 'b')");
    assertNull(m.schema());
    assertEquals("SELECT * FROM public.t", m.trainingQuery());
    assertEquals(List.of(), m.functionParamTypes());
    assertEquals("default", m.iamRole());
    assertEquals(CreateModelCommand.DEFAULT_MAX_RUNTIME, m.maxRuntime());
  }

  @Test
  void missingPartsAreErrors() {
    assertThrows(
        RedshiftSqlError.class,
        () ->
            ModelParser.parseCreate(
                "CREATE MODEL m FROM t TARGET y FUNCTION f SETTINGS (S3_BUCKET 'b')"));
    assertThrows(
        RedshiftSqlError.class,
        () ->
            ModelParser.parseCreate("CREATE MODEL m FROM t TARGET y FUNCTION f IAM_ROLE default"));
    assertThrows(
        RedshiftSqlError.class, () -> ModelParser.parseCreate("CREATE MODEL m FROM (SELECT 1"));
  }

  @Test
  void showAndDrop() {
    assertNull(ModelParser.parseShow("SHOW MODEL ALL").name());
    assertEquals("m", ModelParser.parseShow("show model M").name());
    assertEquals("s", ModelParser.parseShow("SHOW MODEL s.m").schema());
    assertTrue(ModelParser.parseDrop("DROP MODEL IF EXISTS m").ifExists());
    assertEquals("m", ModelParser.parseDrop("DROP MODEL m").name());
    assertEquals(ModelCommands.Kind.CREATE, ModelCommands.kind("/* c */ create  model x"));
    assertNull(ModelCommands.kind("CREATE MODELS"));
    assertNull(ModelCommands.kind("SELECT 'CREATE MODEL'"));
  }
}
