/**
 * Words that never name what a chapter is about. Function words, plus the
 * fillers, hedges and everyday verbs of conversation: an archive-weighted score
 * already pushes frequent words down, but a small archive (or a single file) has
 * too few documents to learn that "actually" and "stuff" say nothing.
 */
const FUNCTION_WORDS =
  'a about above after again against all also am an and any are aren as at be because been before being below between both but by ' +
  'can cannot could couldn did didn do does doesn doing don down during each either else ever every few for from further had hadn has hasn ' +
  'have haven having he her here hers herself him himself his how i if in into is isn it its itself just let me more most much must mustn my ' +
  'myself neither no nor not of off on once one only or other ought our ours ourselves out over own same shall she should shouldn so some such ' +
  'than that the their theirs them themselves then there these they this those through to too under until up upon us very was wasn we were ' +
  'weren what whatever when whenever where wherever whether which while who whoever whom whose why will with within without won would wouldn ' +
  'you your yours yourself yourselves ll re ve d s t m o y via per etc versus vs';

const SPEECH_WORDS =
  'yeah yes yep yup no nope okay ok oh uh um uhm hmm mm mhm huh ah ahh wow hey hi hello right well like so sure totally absolutely exactly ' +
  'actually basically literally really truly pretty quite rather kind sort kinda sorta maybe perhaps probably definitely certainly ' +
  'obviously clearly honestly seriously frankly simply generally usually typically especially particularly essentially ' +
  'thing things stuff lot lots bit bunch way ways something anything everything nothing someone anyone everyone nobody somebody anybody ' +
  'everybody people person guy guys folks one ones time times day days year years week weeks today now then yesterday tomorrow ' +
  'know knew known think thought thinking mean meant means say says said saying talk talked talking tell told go goes going gone went ' +
  'get gets getting got gotten make makes making made take takes taking took taken come comes coming came give gives giving gave given ' +
  'see sees seeing saw seen look looks looking looked want wants wanted wanna gonna gotta need needs needed feel feels felt ' +
  'try tries trying tried use uses using used work works working worked put puts keep keeps kept start started starting ' +
  'find found call called ask asked asking guess guessed seem seems seemed happen happens happened let lets ' +
  'good great nice cool awesome bad big little small new old long short high low first last next many several different same ' +
  'able sure fine whole real true hard easy important interesting like likes liked love loved okay fun funny crazy weird ' +
  'much more less least most even still already yet again also too though although however anyway anyways otherwise ' +
  'here there where back around away along across together else instead always never sometimes often ever ' +
  'two three four five six seven eight nine ten hundred thousand million billion first second third half ' +
  'today tonight episode show podcast welcome thanks thank appreciate joining laughs laughter laughing chuckles inaudible crosstalk music ' +
  'blah quote unquote etcetera whatnot gosh geez jeez dude man ass shit fuck fucking damn hell crap';

export const STOPWORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS.split(' '), ...SPEECH_WORDS.split(' ')]);
