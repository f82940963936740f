from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'template.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_transform = resolve('transform')
    l_0_resources = resolve('resources')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['key']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'key' found.")
    try:
        t_3 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_4 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_5 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_6 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'assets'):
        pass
        yield '# Function code is local (assets/NAME-HASH.zip): `aws cloudformation package` uploads\n# it and writes the S3 locations into the template that `deploy` then takes.\n'
    yield 'AWSTemplateFormatVersion: "2010-09-09"\n'
    if (undefined(name='transform') if l_0_transform is missing else l_0_transform):
        pass
        yield 'Transform: '
        yield str((undefined(name='transform') if l_0_transform is missing else l_0_transform))
        yield '\n'
    yield 'Description: '
    yield str(t_5(str_join(('iac app ', environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'), ))))
    yield '\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'params'):
        pass
        yield '\nParameters:\n'
        for l_1_p in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'params'):
            _loop_vars = {}
            pass
            yield '  '
            yield str(t_2(environment.getattr(l_1_p, 'id')))
            yield ':\n    Type: '
            yield str(('Number' if (environment.getattr(l_1_p, 'type') == 'number') else 'String'))
            yield '\n    Description: '
            yield str(t_5(environment.getattr(l_1_p, 'description')))
            yield '\n'
            if (environment.getattr(l_1_p, 'type') == 'secret'):
                pass
                yield '    NoEcho: true\n'
            if (not t_6(environment.getattr(l_1_p, 'default'))):
                pass
                yield '    Default: '
                yield str((t_1(context, (t_3(t_4(environment.getattr(l_1_p, 'default'))) if (environment.getattr(l_1_p, 'type') == 'bool') else environment.getattr(l_1_p, 'default'))) if (environment.getattr(l_1_p, 'type') != 'string') else t_5(environment.getattr(l_1_p, 'default'))))
                yield '\n'
            if (environment.getattr(l_1_p, 'type') == 'bool'):
                pass
                yield '    AllowedValues:\n      - "true"\n      - "false"\n'
        l_1_p = missing
    yield '\nResources:\n'
    for l_1_block in (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        _loop_vars = {}
        pass
        yield str(l_1_block)
        yield '\n'
    l_1_block = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'outputs'):
        pass
        yield 'Outputs:\n'
        for l_1_o in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'outputs'):
            _loop_vars = {}
            pass
            yield '  # '
            yield str(context.call(environment.getattr(environment.getattr(l_1_o, 'source'), 'where'), _loop_vars=_loop_vars))
            yield '  output '
            yield str(environment.getattr(l_1_o, 'name'))
            yield '\n  '
            yield str(t_2(environment.getattr(l_1_o, 'id')))
            yield ':\n    Description: '
            yield str(t_5(environment.getattr(l_1_o, 'description')))
            yield '\n    Value: '
            yield str(t_1(context, environment.getattr(l_1_o, 'value')))
            yield '\n'
        l_1_o = missing

blocks = {}
debug_info = '1=50&6=54&7=57&9=60&10=62&13=65&14=69&15=71&16=73&17=75&20=78&21=81&23=83&32=88&33=91&35=94&37=97&38=101&39=105&40=107&41=109'
