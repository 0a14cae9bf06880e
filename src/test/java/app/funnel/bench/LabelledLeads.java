package app.funnel.bench;

import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadSource;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A labelled set of realistic leads for scoring the lead-quality rules: genuine people in nine
 * countries (with the traps that only look odd: Testa, Tester, Asdrúbal, a company called "Teste
 * Rápido", mailboxes at accented domains, 555 numbers outside the fiction block), fakes of each kind
 * people really type, and groups of records of the same person beside the hard negatives
 * (switchboards, households, namesakes at other companies, colleagues one letter apart). Its
 * names, lists and seed are its own: no test or demo data is drawn from them.
 */
final class LabelledLeads {

    /** A record and what it is: genuine ({@code kind} starting with "genuine" or "trap:"), or fake of a kind. */
    record Labelled(LeadInput input, boolean fake, String kind) {
    }

    /** A record of the duplicate set: records with the same {@code person} are the same human being. */
    record Record(LeadInput input, int person, String kind) {
    }

    private record Country(String code, String[] first, String[] last, String[] companies, String[] forms,
                           String[] mailDomains, String tld) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("BR", new String[] {"Luana", "Thiago", "Renata", "Caio", "Bianca", "Otávio", "Lívia", "Murilo",
                    "Priscila", "Heitor", "Débora", "Wagner", "Sônia", "Ícaro", "Yasmin"},
                    new String[] {"Albuquerque", "Bezerra", "Carvalho", "Damasceno", "Esteves", "Figueiredo", "Guimarães",
                            "Holanda", "Leitão", "Magalhães", "Nogueira", "Queiroz", "Rezende", "Siqueira", "Toledo"},
                    new String[] {"Agropecuária Vale Verde", "Transportes Rodomar", "Clínica Bem-Estar", "Metalúrgica Aço Forte",
                            "Padaria São João", "Teste Rápido Diagnósticos"},
                    new String[] {"Ltda.", "S.A.", "ME", "EIRELI", ""}, new String[] {"uol.com.br", "bol.com.br",
                    "gmail.com", "terra.com.br", "hotmail.com"}, "com.br"),
            new Country("PT", new String[] {"Inês", "Tiago", "Leonor", "Duarte", "Matilde", "Rodrigo", "Beatriz", "Afonso",
                    "Carolina", "Gonçalo"},
                    new String[] {"Antunes", "Baptista", "Cordeiro", "Domingues", "Fonseca", "Gaspar", "Louro", "Matos",
                            "Pinheiro", "Valente"},
                    new String[] {"Conservas Atlântico", "Vinhos do Douro", "Têxtil Minho"}, new String[] {"Lda.", "S.A.", ""},
                    new String[] {"sapo.pt", "gmail.com", "outlook.pt"}, "pt"),
            new Country("US", new String[] {"Madison", "Tyler", "Brianna", "Dustin", "Kayla", "Cody", "Shelby", "Travis",
                    "Whitney", "Garrett", "Mark"},
                    new String[] {"Whitaker", "Holloway", "Kendrick", "Barlow", "Fairbanks", "Pruitt", "Sheffield",
                            "Underwood", "Vance", "Tester"},
                    new String[] {"Blue Ridge Analytics", "Lakeshore Dental", "Ironclad Roofing", "Summit Freight"},
                    new String[] {"Inc.", "LLC", "Corp.", ""}, new String[] {"gmail.com", "yahoo.com", "comcast.net",
                    "icloud.com"}, "com"),
            new Country("GB", new String[] {"Oliver", "Imogen", "Harry", "Poppy", "Alfie", "Freya", "Rhys", "Niamh"},
                    new String[] {"Ashworth", "Blackwood", "Cartwright", "Dunmore", "Fairclough", "Hargreaves", "Pickering",
                            "Thistlewood"},
                    new String[] {"Thames Valley Surveyors", "Pennine Joinery", "Harbour Lights Hotels"},
                    new String[] {"Ltd", "PLC", "Limited", ""}, new String[] {"btinternet.com", "gmail.com", "sky.com"},
                    "co.uk"),
            new Country("DE", new String[] {"Lukas", "Hannah", "Jonas", "Lea", "Felix", "Mia", "Niklas", "Jana", "Maximilian"},
                    new String[] {"Brandt", "Dietrich", "Engel", "Friedrich", "Günther", "Hoffmann", "Krüger", "Lorenz",
                            "Vogt"},
                    new String[] {"Bäckerei Sonnenschein", "Maschinenbau Kessler", "Autohaus Rheinblick"},
                    new String[] {"GmbH", "AG", "GmbH & Co. KG", ""}, new String[] {"web.de", "gmx.de", "t-online.de"}, "de"),
            new Country("FR", new String[] {"Camille", "Théo", "Manon", "Hugo", "Chloé", "Mathis", "Léa", "Baptiste"},
                    new String[] {"Arnaud", "Bonnet", "Chevalier", "Dufour", "Fontaine", "Lacroix", "Mercier", "Rousseau"},
                    new String[] {"Boulangerie du Marché", "Transports Lefèvre", "Cabinet Moreau"},
                    new String[] {"SARL", "SAS", "S.A.", ""}, new String[] {"orange.fr", "free.fr", "laposte.net"}, "fr"),
            new Country("ES", new String[] {"Alejandro", "Lucía", "Álvaro", "Paula", "Sergio", "Nerea", "Iker", "Asdrúbal"},
                    new String[] {"Aguilar", "Bravo", "Castillo", "Delgado", "Espinosa", "Herrera", "Iglesias", "Navarro"},
                    new String[] {"Construcciones Ebro", "Aceites del Sur", "Clínica Dental Sonrisa"},
                    new String[] {"S.L.", "S.A.", ""}, new String[] {"telefonica.net", "gmail.com", "hotmail.es"}, "es"),
            new Country("MX", new String[] {"Ximena", "Santiago", "Regina", "Emiliano", "Valeria", "Leonardo", "Renata"},
                    new String[] {"Barrera", "Cervantes", "Escobedo", "Galindo", "Ibarra", "Montiel", "Zamudio"},
                    new String[] {"Abarrotes La Esperanza", "Logística Azteca", "Hotel Brisas del Pacífico"},
                    new String[] {"S.A. de C.V.", "S. de R.L.", ""}, new String[] {"prodigy.net.mx", "gmail.com",
                    "outlook.com"}, "com.mx"),
            new Country("IT", new String[] {"Giulia", "Marco", "Chiara", "Davide", "Federica", "Matteo", "Silvia"},
                    new String[] {"Testa", "Testoni", "Barbieri", "Colombo", "De Luca", "Ferraro", "Galli", "Mancini"},
                    new String[] {"Pastificio Toscano", "Officine Meccaniche Lario", "Enoteca del Borgo"},
                    new String[] {"S.r.l.", "S.p.A.", ""}, new String[] {"libero.it", "virgilio.it", "gmail.com"}, "it"));

    /** Keyboard mashes as people type them into a mailbox. */
    private static final String[] MASHES = {"asdfgh", "asdf", "qwerty", "qwert", "sdfsdf", "asdasd", "zxcvbn", "zxcv",
            "qweqwe", "hjkl", "lkjhg", "dfgdfg", "xcvxcv", "poiuyt", "azerty", "qwertz", "fghfgh", "jkljkl", "wasd",
            "qazwsx", "aaaaa", "asdfasdf", "ghjk", "mnbvc", "ytrewq"};
    /** Placeholder personas in the customers' languages. */
    private static final String[][] PERSONAS = {{"Mickey", "Mouse"}, {"John", "Doe"}, {"Jane", "Doe"},
            {"Max", "Mustermann"}, {"Erika", "Mustermann"}, {"Joe", "Bloggs"}, {"Fulano", "de Tal"},
            {"Nome", "Sobrenome"}, {"Beltrano", "Silva"}, {"Ciclano", "Souza"}, {"Test", "Test"}, {"Teste", "Teste"},
            {"Cliente", "Teste"}, {"Asdf", "Asdf"}, {"Pato", "Donald"}, {"Donald", "Duck"}, {"Lorem", "Ipsum"},
            {"Homer", "Simpson"}, {"Fulanito", "de Tal"}, {"Otto", "Normalverbraucher"}, {"Usuário", "Teste"},
            {"Papai", "Noel"}, {"Santa", "Claus"}, {"Xxx", "Xxx"}, {"Foo", "Bar"}};
    /** Disposable mailbox providers people use, written down here by hand (not read from Funnel's list). */
    private static final String[] DISPOSABLE = {"mailinator.com", "guerrillamail.com", "yopmail.com",
            "10minutemail.com", "temp-mail.org", "trashmail.com", "sharklasers.com", "emailtemporario.com.br",
            "maildrop.cc", "getnada.com", "dispostable.com", "mailnesia.com", "throwawaymail.com", "tempail.com",
            "fakeinbox.com", "spamgourmet.com", "mintemail.com", "mohmal.com", "burnermail.io", "discard.email"};
    private static final String[] PLACEHOLDER_DOMAINS = {"example.com", "teste.com.br", "test.com", "email.com",
            "exemplo.com.br", "example.org"};

    /** Couples whose first names are one letter apart. */
    private static final String[][] COUPLES = {{"Mario", "Maria"}, {"Paulo", "Paula"}, {"Daniel", "Daniela"},
            {"Gabriel", "Gabriela"}, {"Luis", "Luisa"}, {"Julio", "Julia"}, {"Jan", "Jana"}, {"Marco", "Marca"},
            {"Adrian", "Adriana"}, {"Simon", "Simone"}};

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final SplittableRandom random;

    LabelledLeads(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Genuine leads (a share of them traps) and fakes of every kind, shuffled. */
    List<Labelled> fakesAndGenuine(int genuine, int fakesPerKind) {
        List<Labelled> all = new ArrayList<>();
        for (int i = 0; i < genuine; i++) {
            Country c = country();
            all.add(new Labelled(genuinePerson(c), false, "genuine"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            // traps: genuine, and only looking odd
            all.add(new Labelled(trap(i), false, "trap:" + TRAPS[i % TRAPS.length]));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country c = country();
            String first = pick(c.first());
            String last = pick(c.last());
            String mailbox = pick(MASHES) + (random.nextInt(3) == 0 ? String.valueOf(random.nextInt(1, 100)) : "");
            all.add(new Labelled(input(first, last, mailbox + "@" + pick(c.mailDomains()), null, company(c), c.code()),
                    true, "keyboard_mash_mailbox"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            String[] persona = PERSONAS[i % PERSONAS.length];
            Country c = country();
            String email = random.nextBoolean() ? null : mailbox(persona[0], persona[1]) + "@" + pick(c.mailDomains());
            all.add(new Labelled(input(persona[0], persona[1], email, email == null ? nationalPhone(c) : null,
                    random.nextBoolean() ? company(c) : null, c.code()), true, "placeholder_persona"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country c = country();
            String first = pick(c.first());
            String last = pick(c.last());
            String domain = pick(DISPOSABLE);
            all.add(new Labelled(input(first, last, mailbox(first, last) + "@" + domain, null, null, c.code()), true,
                    "disposable_domain"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country c = country();
            String first = pick(c.first());
            String last = pick(c.last());
            all.add(new Labelled(input(first, last, mailbox(first, last) + "@" + pick(PLACEHOLDER_DOMAINS), null, null,
                    c.code()), true, "placeholder_domain"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country us = COUNTRIES.get(2);
            String area = String.valueOf(random.nextInt(2, 10)) + random.nextInt(0, 10) + random.nextInt(1, 10);
            String phone = random.nextBoolean() ? "(" + area + ") 555-01" + two()
                    : "+1 " + area + "-555-01" + two();
            all.add(new Labelled(input(pick(us.first()), pick(us.last()), null, phone, company(us), "US"), true,
                    "fiction_555"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country c = country();
            all.add(new Labelled(input(pick(c.first()), pick(c.last()), null, repeatedOrRun(c, i % 2 == 0), company(c),
                    c.code()), true, i % 2 == 0 ? "repeated_digits" : "counting_run"));
        }
        for (int i = 0; i < fakesPerKind; i++) {
            Country c = country();
            String real = nationalPhone(c);
            String wrong = i % 2 == 0 ? real.substring(0, real.length() - 1) : real + random.nextInt(10);
            all.add(new Labelled(input(pick(c.first()), pick(c.last()), null, wrong, company(c), c.code()), true,
                    "digit_short_or_long"));
        }
        shuffle(all);
        return all;
    }

    private static final String[] TRAPS = {"odd_surname", "odd_first_name", "teste_rapido_company", "idn_domain",
            "real_555_exchange", "many_nines", "role_mailbox", "short_name"};

    private LeadInput trap(int i) {
        Country c = country();
        return switch (TRAPS[i % TRAPS.length]) {
            case "odd_surname" -> {
                String last = pick(new String[] {"Testa", "Testoni", "Tester", "Testard", "Testaverde", "Mustermann-Ruiz"});
                String first = pick(c.first());
                yield input(first, last, mailbox(first, last) + "@" + pick(c.mailDomains()), null, company(c), c.code());
            }
            case "odd_first_name" -> {
                String first = pick(new String[] {"Asdrúbal", "Kiki", "Nada", "Lulu", "Fulvio", "Beltran", "Zzyzx"});
                String last = pick(c.last());
                yield input(first, last, mailbox(first, last) + "@" + pick(c.mailDomains()), null, null, c.code());
            }
            case "teste_rapido_company" -> {
                Country br = COUNTRIES.get(0);
                String first = pick(br.first());
                String last = pick(br.last());
                yield input(first, last, mailbox(first, last) + "@testerapido.com.br", null,
                        pick(new String[] {"Teste Rápido Ltda.", "Testes & Ensaios S.A.", "Tester Tools"}), "BR");
            }
            case "idn_domain" -> {
                String first = pick(c.first());
                String last = pick(c.last());
                yield input(first, last, mailbox(first, last) + "@" + pick(new String[] {"padaria-sãojoão.com.br",
                        "bäckerei-krüger.de", "café-olé.fr", "señorío.es", "açaí.com.br"}), null, null, c.code());
            }
            case "real_555_exchange" -> input(pick(COUNTRIES.get(2).first()), pick(COUNTRIES.get(2).last()), null,
                    "(212) 555-" + (random.nextInt(2, 10)) + two() + random.nextInt(10), null, "US");
            case "many_nines" -> input(pick(COUNTRIES.get(0).first()), pick(COUNTRIES.get(0).last()), null,
                    "(11) 99" + random.nextInt(5, 9) + "99-" + random.nextInt(1000, 10000), null, "BR");
            case "role_mailbox" -> input(pick(c.first()), pick(c.last()),
                    pick(new String[] {"contato", "vendas", "info", "office", "kontakt", "ventas"}) + "@"
                            + domainOf(pick(c.companies())) + "." + c.tld(), null, company(c), c.code());
            default -> {
                String first = pick(new String[] {"Bo", "Al", "Ed", "Jo", "Li"});
                String last = pick(new String[] {"Ng", "Wu", "Ha", "Yu", "Ek"});
                yield input(first, last, mailbox(first, last) + "@" + pick(c.mailDomains()), null, null, c.code());
            }
        };
    }

    /**
     * The duplicate set: people entered once, twice or three times in the ways they come back (a
     * new mailbox form at the same provider, the phone typed another way, the name without accents,
     * in another order or with a typo, the company with or without its legal form), beside the hard
     * negatives, each group of records with one {@code person} number.
     */
    List<Record> duplicates(int people) {
        List<Record> all = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        int person = 0;
        for (int i = 0; i < people; i++) {
            Country c = country();
            String first;
            String last;
            do {
                // two people of the set never share a whole name (the same name at the same company is
                // the same person for any CRM), so the labels stay true
                first = pick(c.first());
                last = pick(c.last()) + " " + pick(c.last());
            } while (!names.add(plain(first + " " + last)));
            String company = pick(c.companies());
            String form = pick(c.forms());
            String email = mailbox(first, last) + "@" + pick(c.mailDomains());
            String phone = nationalPhone(c);
            int p = person++;
            all.add(new Record(input(first, last, email, phone, (company + " " + form).strip(), c.code()), p, "original"));
            switch (i % 10) {
                case 0 -> all.add(new Record(input(first, last, emailVariant(email), null, null, c.code()), p,
                        "same_mailbox_other_form"));
                case 1 -> all.add(new Record(input(plain(first).toUpperCase(Locale.ROOT), plain(last), null,
                        "+" + PHONES.getCountryCodeForRegion(c.code()) + " " + nsn(phone, c), null, c.code()), p,
                        "same_phone_name_without_accents"));
                case 2 -> all.add(new Record(input(last, first, null, phone, null, c.code()), p,
                        "same_phone_name_swapped"));
                case 3 -> all.add(new Record(input(first, typo(last), null, phone, null, c.code()), p,
                        "same_phone_typo_in_last_name"));
                case 4 -> all.add(new Record(input(first, last, mailbox(first, last) + "@" + domainOf(company) + "."
                        + c.tld(), null, company.toUpperCase(Locale.ROOT), c.code()), p,
                        "same_name_company_without_legal_form"));
                case 5 -> {
                    // a colleague behind the company's switchboard: another person
                    String colleague;
                    String colleagueLast;
                    do {
                        colleague = pick(c.first());
                        colleagueLast = pick(c.last());
                    } while (!names.add(plain(colleague + " " + colleagueLast)));
                    all.add(new Record(input(colleague, colleagueLast, mailbox(colleague, colleagueLast) + "@"
                            + domainOf(company) + "." + c.tld(), phone, company, c.code()), person++, "switchboard_colleague"));
                }
                case 6 -> {
                    // the partner at the same home line, same family name: another person
                    String partner;
                    do {
                        partner = otherThan(c.first(), first);
                    } while (!names.add(plain(partner + " " + last)));
                    all.add(new Record(input(partner, last, null, phone, null, c.code()), person++, "household"));
                    // and a couple whose first names are one letter apart (Mario and Maria)
                    String[] pair = COUPLES[random.nextInt(COUPLES.length)];
                    String family = pick(c.last()) + " " + pick(c.last());
                    if (names.add(plain(pair[0] + " " + family)) && names.add(plain(pair[1] + " " + family))) {
                        String home = nationalPhone(c);
                        all.add(new Record(input(pair[0], family, null, home, null, c.code()), person++, "original"));
                        all.add(new Record(input(pair[1], family, null, home, null, c.code()), person++,
                                "household_names_one_letter_apart"));
                    }
                }
                case 8 -> {
                    // a new job: another company and mailbox, the same mobile
                    String otherCompany = otherThan(c.companies(), company);
                    all.add(new Record(input(first, last, mailbox(first, last) + "@" + domainOf(otherCompany) + "."
                            + c.tld(), phone, otherCompany, c.code()), p, "new_job_same_phone"));
                }
                case 9 -> all.add(new Record(input(typo(first), last, null, phone, null, c.code()), p,
                        "same_phone_typo_in_first_name"));
                default -> {
                    // a namesake at another company, and a colleague one letter apart behind the switchboard
                    String otherCompany = otherThan(c.companies(), company);
                    all.add(new Record(input(first, last, mailbox(first, last) + "@" + domainOf(otherCompany) + "."
                            + c.tld(), null, otherCompany, c.code()), person++, "namesake_other_company"));
                    String near;
                    do {
                        near = typo(last);
                    } while (!names.add(plain(first + " " + near)));
                    all.add(new Record(input(first, near, mailbox(first, near) + "." + random.nextInt(10, 99) + "@"
                            + domainOf(company) + "." + c.tld(), phone, company, c.code()), person++,
                            "colleague_one_letter_apart"));
                }
            }
        }
        return all;
    }

    // --- pieces ---

    private LeadInput genuinePerson(Country c) {
        String first = pick(c.first());
        String last = pick(c.last()) + (random.nextInt(3) == 0 ? " " + pick(c.last()) : "");
        String company = random.nextInt(4) == 0 ? null : company(c);
        String email = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> mailbox(first, last) + "@" + pick(c.mailDomains());
            case 2 -> plain(first).charAt(0) + plain(last).replace(" ", "") + "@"
                    + (company == null ? pick(c.mailDomains()) : domainOf(company) + "." + c.tld());
            default -> mailbox(first, last) + random.nextInt(1, 2000) + "@" + pick(c.mailDomains());
        };
        String phone = email == null || random.nextBoolean() ? nationalPhone(c) : null;
        return input(first, last, email, phone, company, c.code());
    }

    /** A number valid in the country's plan, written as people write national numbers. */
    private String nationalPhone(Country c) {
        var type = random.nextBoolean() ? PhoneNumberUtil.PhoneNumberType.MOBILE
                : PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        Phonenumber.PhoneNumber example = PHONES.getExampleNumberForType(c.code(), type);
        String national = PHONES.getNationalSignificantNumber(example);
        for (int attempt = 0; attempt < 200; attempt++) {
            int keep = Math.min(3, national.length() - 4);
            StringBuilder digits = new StringBuilder(national.substring(0, keep));
            while (digits.length() < national.length()) {
                digits.append(random.nextInt(10));
            }
            try {
                Phonenumber.PhoneNumber candidate = PHONES.parse(digits.toString(), c.code());
                if (PHONES.isValidNumberForRegion(candidate, c.code())) {
                    return PHONES.format(candidate, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // try another
            }
        }
        return PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    }

    /** A number behind a real area code whose subscriber part is one digit repeated, or a counting run. */
    private String repeatedOrRun(Country c, boolean repeated) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = PHONES.parse(nationalPhone(c), c.code());
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new IllegalStateException(e);
        }
        String national = PHONES.getNationalSignificantNumber(parsed);
        int area = Math.max(1, PHONES.getLengthOfNationalDestinationCode(parsed));
        int length = national.length() - area;
        String subscriber;
        if (repeated) {
            subscriber = String.valueOf(random.nextInt(10)).repeat(length);
        } else {
            StringBuilder run = new StringBuilder();
            int start = random.nextInt(0, 3);
            boolean up = random.nextInt(3) > 0;
            for (int i = 0; i < length; i++) {
                run.append(Math.floorMod(up ? start + i : 9 - start - i, 10));
            }
            subscriber = run.toString();
        }
        return "+" + parsed.getCountryCode() + " " + national.substring(0, area) + " " + subscriber;
    }

    private String company(Country c) {
        return (pick(c.companies()) + " " + pick(c.forms())).strip();
    }

    private String mailbox(String first, String last) {
        String f = plain(first).replace(" ", "");
        String l = plain(last).replace(" ", "");
        return switch (random.nextInt(3)) {
            case 0 -> f + "." + l;
            case 1 -> f + l;
            default -> f.charAt(0) + "." + l;
        };
    }

    /** The same Gmail or Outlook mailbox as its provider reads it: dots, a +tag, capitals. */
    private String emailVariant(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (domain.equals("gmail.com")) {
            return local.replace(".", "").toUpperCase(Locale.ROOT) + "+crm@googlemail.com";
        }
        return local.toUpperCase(Locale.ROOT) + "@" + domain.toUpperCase(Locale.ROOT);
    }

    private String typo(String word) {
        String plain = word;
        int at = random.nextInt(1, plain.length() - 1);
        if (plain.charAt(at) == ' ') {
            at = 1;
        }
        return switch (random.nextInt(3)) {
            case 0 -> plain.substring(0, at) + plain.substring(at + 1); // a letter left out
            case 1 -> plain.substring(0, at) + plain.charAt(at) + plain.substring(at); // doubled
            default -> plain.substring(0, at) + (plain.charAt(at) == 'e' ? 'i' : 'e') + plain.substring(at + 1);
        };
    }

    private static String domainOf(String company) {
        return plain(company).replaceAll("[^a-z0-9]", "");
    }

    private static String plain(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The national significant number of a national number (Italy's leading zero kept, others' trunk 0 dropped). */
    private static String nsn(String phone, Country c) {
        try {
            return PHONES.getNationalSignificantNumber(PHONES.parse(phone, c.code()));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String two() {
        return String.format(Locale.ROOT, "%02d", random.nextInt(100));
    }

    private String otherThan(String[] options, String not) {
        String other = not;
        while (other.equals(not)) {
            other = pick(options);
        }
        return other;
    }

    private Country country() {
        return COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static LeadInput input(String first, String last, String email, String phone, String company, String country) {
        return new LeadInput(first, last, email, phone, company, null, country, LeadSource.EVENT, null, null);
    }
}
