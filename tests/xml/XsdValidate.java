/*
 * XsdValidate.java — the second, independent XSD validator of the XML test
 * suite (tests/suites/xml.sh): the JDK's javax.xml.validation (Xerces), which
 * shares no code with libxml2, so a schema or document that only libxml2
 * accepts is caught.
 *
 *   java XsdValidate SCHEMA.xsd FILE.xml... [--schema OTHER.xsd FILE.xml...]
 *
 * Prints "valid FILE" or "invalid FILE:LINE:COL: message" for each file and
 * exits 1 if any file is invalid (or a schema cannot be read), else 0. No
 * network or DTD access is allowed: the schemas import nothing.
 */
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

public final class XsdValidate {
	private static final class Collect implements ErrorHandler {
		final List<String> errors = new ArrayList<>();
		private void add(SAXParseException e) {
			errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
		}
		public void warning(SAXParseException e) { }
		public void error(SAXParseException e) { add(e); }
		public void fatalError(SAXParseException e) { add(e); }
	}

	private static Schema load(String path) throws SAXException {
		SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return f.newSchema(new File(path));
	}

	public static void main(String[] args) throws Exception {
		Schema schema = null;
		boolean ok = true, expectSchema = true;
		for (String a : args) {
			if (a.equals("--schema")) {
				expectSchema = true;
				continue;
			}
			if (expectSchema) {
				expectSchema = false;
				try {
					schema = load(a);
				} catch (SAXException e) {
					System.out.println("invalid schema " + a + ": " + e.getMessage());
					System.exit(1);
				}
				continue;
			}
			Validator v = schema.newValidator();
			v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			Collect c = new Collect();
			v.setErrorHandler(c);
			try {
				v.validate(new StreamSource(new File(a)));
			} catch (SAXException | java.io.IOException e) {
				if (c.errors.isEmpty())
					c.errors.add("0:0: " + e.getMessage());
			}
			if (c.errors.isEmpty()) {
				System.out.println("valid " + a);
			} else {
				ok = false;
				for (String e : c.errors)
					System.out.println("invalid " + a + ":" + e);
			}
		}
		System.exit(ok ? 0 : 1);
	}
}
