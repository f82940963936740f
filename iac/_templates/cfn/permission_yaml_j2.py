from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'permission.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::Lambda::Permission\n    Properties:\n      Action: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'action'))
    yield '\n      FunctionName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n      Principal: '
    yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'principal')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn'):
        pass
        yield '      SourceArn: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_account'):
        pass
        yield '      SourceAccount: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_account')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'url_auth'):
        pass
        yield '      FunctionUrlAuthType: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'url_auth'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'via_url'):
        pass
        yield '      InvokedViaFunctionUrl: true\n'

blocks = {}
debug_info = '3=25&4=27&5=29&6=31&7=34&9=36&10=39&12=41&13=44&15=46'
